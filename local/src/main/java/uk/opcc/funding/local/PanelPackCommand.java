package uk.opcc.funding.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.storage.ApplicationTable;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.panel.UnknownRoundException;

/**
 * {@code mvn -q -B -pl local exec:java@panel-pack -Dfund=<fund id> -Dround=<round id>}: makes
 * a fund's panel pack for a round into {@code .local/outbox}, from the local run's data, through
 * the same service the scheduled function runs. When the local run is up it owns the data, so
 * the command asks it (on {@code PORT}, 8080 unless set); otherwise it opens the data itself.
 */
public final class PanelPackCommand {
    private PanelPackCommand() {
    }

    public static void main(String[] args) throws Exception {
        String fund = System.getProperty("fund");
        String round = System.getProperty("round");
        if (fund == null || fund.isBlank() || round == null || round.isBlank()) {
            System.err.println("Name the fund and the round: -Dfund=<fund id> -Dround=<round id> (the ids in data/funds.yml)");
            System.exit(2);
        }
        List<String> options = List.of(args);
        Path root = LocalRun.root(options);
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        System.exit(askTheLocalRun(port, fund, round) ? 0 : makeHere(root.resolve(LocalRun.SOURCE), root.resolve(".local"), fund, round));
    }

    /** @return false when no local run answers on the port */
    private static boolean askTheLocalRun(int port, String fund, String round) throws IOException, InterruptedException {
        String form = "fundId=" + URLEncoder.encode(fund, StandardCharsets.UTF_8) + "&roundId=" + URLEncoder.encode(round, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            // The page takes posts only from its own origin (LocalGuard); this command is run by the same user.
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PanelPackPage.PATH))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return false;
        }
        String message = response.body().replaceFirst("(?s).*?<strong>(.*?)</strong>.*", "$1");
        System.out.printf("The local run on port %d answered %d: %s%n", port, response.statusCode(), message.equals(response.body()) ? "" : message);
        if (response.statusCode() != 200) {
            System.exit(1);
        }
        return true;
    }

    private static int makeHere(Path source, Path work, String fund, String round) throws IOException {
        DynamoDbLocal dynamoDb = DynamoDbLocal.keepingDataIn(work.resolve("data"));
        try {
            dynamoDb.ensureTable(LocalRun.TABLE, ApplicationTable::create, LocalRun::upgradeKeptTable);
            OutboxMailer outbox = new OutboxMailer(work.resolve("outbox"));
            PanelPackService.Result result = LocalRun.wiring(source, dynamoDb.endpoint).panelPackService(outbox).send(fund, round);
            switch (result.status()) {
                case ALREADY_SENT -> System.out.printf("The pack of %s round %s was made before: it is made only once.%n", fund, round);
                case IN_PROGRESS -> System.out.printf("Another attempt is making the pack of %s round %s. Try again in two minutes.%n", fund, round);
                default -> System.out.printf("%s pack of %s round %s, %d applications: %s%n%nSubject: %s%n%n%s%n%s:%n%s", result.status() == PanelPackService.Status.SENT
                        ? "The round's" : "An interim", fund, round, result.applications(), outbox.lastFile, outbox.lastEmail.subject(),
                        outbox.lastEmail.text(), outbox.lastEmail.attachments().get(0).fileName(),
                        firstLines(new String(outbox.lastEmail.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8), 4));
            }
            return 0;
        } catch (UnknownRoundException e) {
            System.err.println(e.getMessage());
            return 1;
        } finally {
            dynamoDb.stop();
        }
    }

    private static String firstLines(String csv, int lines) {
        return String.join("\n", csv.lines().limit(lines).toList()) + (csv.lines().count() > lines ? "\n..." : "") + "\n";
    }
}
