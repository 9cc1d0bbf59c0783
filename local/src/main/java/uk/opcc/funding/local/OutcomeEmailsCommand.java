package uk.opcc.funding.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.decision.DecisionReader;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.function.OutcomeHandler;
import uk.opcc.funding.function.outcome.OutcomeService;

/**
 * {@code mvn -q -B -pl local exec:java@outcomes}: sends the outcome emails of every final decision
 * in the site's source into {@code .local/outbox}, each once, as the deployed function does every
 * quarter of an hour. The live preview does the same after each good bake, so this is for a run
 * without the preview, or to see the report again. It uses the running local run's DynamoDB
 * Local when there is one, or opens {@code .local/data} itself when there is not.
 */
public final class OutcomeEmailsCommand {
    private OutcomeEmailsCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        Path root = LocalRun.root(options);
        run(root.resolve(LocalRun.SOURCE), root.resolve(".local"), System.out);
        System.exit(0); // DynamoDB Local's threads would keep the JVM alive
    }

    static void run(Path source, Path work, PrintStream out) throws IOException {
        LocalRun.overTheData(work, endpoint -> {
            Decisions decisions = DecisionReader.read(source, CatalogueReader.read(source));
            OutboxMailer outbox = new OutboxMailer(work.resolve("outbox"));
            if (!send(LocalRun.wiring(source, endpoint).outcomeService(decisions, outbox), out)) {
                out.println("No decision in " + source.resolve("data/decisions") + " is final: no outcome email is due.");
            }
        });
    }

    /**
     * Sends what is due and says so, in the words the function's report uses; says nothing when a
     * run sends nothing and finds nothing wrong, as after every bake that changed no decision.
     *
     * @return false when no decision is final, so there was nothing to send
     */
    static boolean send(OutcomeService outcomes, PrintStream out) {
        List<OutcomeService.DecisionResult> results = outcomes.sendAll(() -> OutcomeHandler.TIMEOUT);
        if (results.isEmpty()) {
            return false;
        }
        Map<String, Object> report = OutcomeHandler.report(results, "local");
        List<?> refused = (List<?>) report.get("refused");
        List<?> left = (List<?>) report.get("left");
        if ((Long) report.get("emailsSent") == 0 && refused.isEmpty() && left.isEmpty()) {
            return true;
        }
        out.printf("Outcome emails: %d sent now, into /_outbox/%n", (Long) report.get("emailsSent"));
        ((List<?>) report.get("decisions")).forEach(line -> out.println("  " + line));
        refused.forEach(line -> out.println("  Refused, nothing sent for it: " + line));
        left.forEach(line -> out.println("  Not sent yet (saving any file, or exec:java@outcomes, tries again): " + line));
        return true;
    }
}
