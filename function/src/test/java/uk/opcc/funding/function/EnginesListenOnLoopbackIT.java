package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.NetworkReach;
import uk.opcc.funding.function.engines.SesEmulator;

/**
 * The test engines hold applicants' data and take requests with no authentication: each answers on
 * loopback and on none of this machine's other addresses.
 */
class EnginesListenOnLoopbackIT {
    @Test
    void dynamoDbLocalAnswersOnLoopbackOnly() {
        int port = URI.create(DynamoDbLocal.get().endpoint).getPort();

        assertThat(NetworkReach.connects(InetAddress.getLoopbackAddress(), port)).as("reachable on loopback").isTrue();
        assertThat(NetworkReach.answering(NetworkReach.nonLoopbackAddresses(), port)).isEmpty();
    }

    @Test
    void theKeptDataEngineOfTheLocalRunAnswersOnLoopbackOnly() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target")), "loopback-data-");
        DynamoDbLocal kept = DynamoDbLocal.keepingDataIn(data);
        try {
            int port = URI.create(kept.endpoint).getPort();
            assertThat(NetworkReach.connects(InetAddress.getLoopbackAddress(), port)).as("reachable on loopback").isTrue();
            assertThat(NetworkReach.answering(NetworkReach.nonLoopbackAddresses(), port)).isEmpty();
        } finally {
            kept.stop();
        }
    }

    @Test
    void theSesEmulatorAnswersOnLoopbackOnly() {
        int port = URI.create(SesEmulator.get().endpoint).getPort();
        List<InetAddress> others = NetworkReach.nonLoopbackAddresses();

        assertThat(NetworkReach.connects(InetAddress.getLoopbackAddress(), port)).as("reachable on loopback").isTrue();
        assertThat(NetworkReach.answering(others, port)).isEmpty();
    }
}
