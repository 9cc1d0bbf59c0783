package uk.opcc.funding.function.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import uk.opcc.funding.function.IntakeHandler;
import uk.opcc.funding.function.Wiring;

/**
 * Run in a fresh JVM on the Lambda jar by {@link ColdStartBenchmark}: builds the handler as
 * Lambda does (settings from the environment), handles one application, and prints how long
 * each step took since the JVM started. With {@code --primed} (and the benchmark's
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) it first runs what SnapStart runs before its
 * snapshot, the priming and the wiping of the secrets (none are read), and times from there the
 * secrets' read after the restore and the first application: what a function restored from that
 * snapshot still has to do (the restore itself is Lambda's).
 */
public final class ColdStartProbe {
    public static void main(String[] args) throws Exception {
        String formId = args[1]; // a packaged form the benchmark chose
        boolean primed = args.length > 2 && args[2].equals("--primed");
        long initStart = ManagementFactory.getRuntimeMXBean().getUptime();
        Wiring.Intake intake = Wiring.packaged(System.getenv()).intake();
        IntakeHandler handler = new IntakeHandler(intake);
        if (primed) {
            intake.priming().run();
            intake.secrets().beforeCheckpoint(null);
        }
        long initDone = ManagementFactory.getRuntimeMXBean().getUptime();
        if (primed) {
            intake.secrets().afterRestore(null);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath("/api/forms/" + formId + "/submissions")
                .withPathParameters(Map.of("formId", formId))
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(Files.readString(Path.of(args[0])))
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        long handled = ManagementFactory.getRuntimeMXBean().getUptime();
        // CPU time of every thread (compilers and GC too): on a shared machine the wall clock also counts waiting for a core.
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.printf("PROBE status=%d jvm-to-main=%d init=%d first-event=%d total=%d cpu=%d%n",
                response.getStatusCode(), initStart, initDone - initStart, handled - initDone, handled, cpu);
    }
}
