package uk.opcc.funding.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import uk.opcc.funding.function.notify.FailedEmails;

/**
 * {@code mvn -q -B -pl local exec:java@resend}: sends every email the local run failed to send,
 * once, into the outbox ({@code -Dresend.list} only lists them). It uses the running local
 * run's DynamoDB Local when there is one, or opens {@code .local/data} itself when there is not.
 */
public final class ResendFailedEmails {
    private ResendFailedEmails() {
    }

    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        Path root = LocalRun.root(options);
        run(root.resolve(LocalRun.SOURCE), root.resolve(".local"), options.contains("--list") || System.getProperty("resend.list") != null, System.out);
        System.exit(0); // DynamoDB Local's threads would keep the JVM alive
    }

    /**
     * @param source the site's source, whose catalogue the local run follows
     * @param work   the local run's folder: data/, outbox/, and the running engine's address if any
     */
    static void run(Path source, Path work, boolean list, PrintStream out) throws IOException {
        LocalRun.overTheData(work, endpoint -> {
            FailedEmails failedEmails = LocalRun.wiring(source, endpoint).failedEmails(new OutboxMailer(work.resolve("outbox")));
            if (list) {
                var unsent = failedEmails.list();
                out.printf("%d application(s) with an email not sent%n", unsent.size());
                unsent.forEach(u -> out.println("  " + u.reference() + " (received " + u.receivedAt() + "): " + u.emails()));
                return;
            }
            List<FailedEmails.Resent> results = failedEmails.resend(() -> Duration.ofMinutes(5));
            out.printf("%d application(s) with an email not sent; %d email(s) sent now, into %s%n",
                    results.size(), FailedEmails.sent(results), work.resolve("outbox"));
            results.forEach(r -> out.println("  " + r.line()));
            List<String> still = FailedEmails.stillUnsent(results);
            if (!still.isEmpty()) {
                out.println("Still not sent (another attempt holds them, or sending failed again; run this again later): " + still);
            }
        });
    }
}
