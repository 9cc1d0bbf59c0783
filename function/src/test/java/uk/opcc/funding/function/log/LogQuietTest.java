package uk.opcc.funding.function.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local run hides the intake's info lines unless asked (LOGS=true); errors are always written. */
class LogQuietTest {
    @Test
    void withInfoHiddenOnlyErrorsAreWritten() {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Log.showInfo(false);
            Log.info("application-stored", Map.of("reference", "KX7P-M2RD"));
            Log.count("ApplicationStored", "safer-villages");
            Log.error("store-failed", Map.of("reference", "PN4W-8HTC"), new IllegalStateException("down"));
            Log.showInfo(true);
            Log.info("application-stored", Map.of("reference", "TR6X-9HCW"));
        } finally {
            Log.showInfo(true);
            System.setOut(before);
        }
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("KX7P-M2RD", "ApplicationStored").contains("\"store-failed\"", "PN4W-8HTC", "TR6X-9HCW");
    }
}
