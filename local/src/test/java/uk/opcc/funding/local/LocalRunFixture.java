package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.site.CallFile;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.site.FixtureSite;
import uk.opcc.funding.site.SiteBaker;

/**
 * The local run, started once for a test class on a free port, with its engines' files in a
 * folder of its own under target/:
 * {@code @RegisterExtension static final LocalRunFixture local = new LocalRunFixture();}
 * and the few requests the tests make of it, an applicant's above all.
 *
 * <p>It runs over a root of its own whose site source is the fixture funder's (site's
 * {@link FixtureSite}, the invented Northmoor office) with what the real clock needs added, so
 * editing, closing or replacing the real content never turns a behaviour test red. Only
 * {@link #overTheRealSource()} runs over the real source, for the few tests that prove it is served.
 */
final class LocalRunFixture implements BeforeAllCallback, AfterAllCallback {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SHOWN_REFERENCE = Pattern.compile("data-reference>([A-Z2-9]{4}-[A-Z2-9]{4})<");

    /** The fixture's sectioned form, its fund and the fund's name. */
    static final String FORM = "safer-villages";
    static final String FUND = "safer-villages-fund";
    static final String FUND_NAME = "Safer Villages Grant";
    /** The local run's staff mailbox for the fund. */
    static final String STAFF = FUND + "@staff.localhost";
    /** Who applies in {@link FixtureAnswers#saferVillages}, and so who the applicant's email goes to. */
    static final String APPLICANT = "robin@example.org";
    static final String ORGANISATION = "Moorside Lanes <Watch>";
    /**
     * The fixture's own calls are dated around {@link FixtureSite#NOW} (2030), but the local run
     * keeps the real clock: these two are written relative to today, one open and one closed.
     */
    static final String OPEN_CALL = "lanes-this-month";
    static final String OPEN_CALL_TITLE = "Lighting the lanes this month";
    static final String CLOSED_CALL = "watch-last-month";
    /** A round of the fund whose deadline has passed on the real clock, for the round's own panel pack. */
    static final String PAST_ROUND = "NV-PAST";

    private final boolean realSource;
    private Path work;
    private Path root;
    private LocalRun run;

    /** Over the fixture funder's source. */
    LocalRunFixture() {
        this(false);
    }

    private LocalRunFixture(boolean realSource) {
        this.realSource = realSource;
    }

    /** Over the project's own site source, whatever it says: for tests that prove the real content is served. */
    static LocalRunFixture overTheRealSource() {
        return new LocalRunFixture(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path runs = Files.createDirectories(Path.of("target/local-runs"));
        Path folder = Files.createTempDirectory(runs, context.getRequiredTestClass().getSimpleName() + "-");
        work = folder.resolve("work");
        if (realSource) {
            root = Path.of("..").toAbsolutePath().normalize();
        } else {
            root = folder.resolve("root").toAbsolutePath();
            fixtureSource(root);
        }
        run = LocalRun.start(new LocalRun.Options(root, work, 0, false));
    }

    /**
     * Builds {@code root/site/src/main/jbake} as the fixture funder's source (site's templates and
     * assets, the fixture's data and content) with the open and closed calls and the past round
     * the real clock needs, and returns it.
     */
    static Path fixtureSource(Path root) throws IOException {
        Path source = FixtureSite.source(Path.of("../site").toAbsolutePath().normalize(), root.resolve(LocalRun.SOURCE));
        LocalDateTime today = LocalDateTime.now(Catalogue.UK).withHour(9).withMinute(0).withSecond(0).withNano(0);
        CallFile.open(OPEN_CALL_TITLE, FUND, today.minusDays(1), 1500).withTheme("Lighting")
                .withSummary("Solar lights for village lanes, open now.").saveAs(source, OPEN_CALL);
        CallFile.open("Watch groups last month", FUND, today.minusDays(40), 800).withTheme("Neighbourhood watch")
                .withSummary("Closed ten days ago.").saveAs(source, CLOSED_CALL);
        Path funds = source.resolve("data/funds.yml");
        String yaml = Files.readString(funds);
        String firstRound = "    panelRounds:\n      - { id: NV-2029-R3";
        if (!yaml.contains(firstRound)) {
            throw new IllegalStateException("The fixture's funds.yml no longer starts the fund's rounds with NV-2029-R3: " + funds);
        }
        String pastRound = "    panelRounds:\n      - { id: %s, deadline: \"%sT16:00\", decisionsBy: \"%s\" }\n      - { id: NV-2029-R3"
                .formatted(PAST_ROUND, today.minusDays(10).toLocalDate(), today.plusDays(30).toLocalDate());
        Files.writeString(funds, yaml.replace(firstRound, pastRound));
        return source;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            run.close();
        } finally {
            SiteBaker.deleteTree(work.getParent()); // the run's work folder and, over the fixture, its root
        }
    }

    LocalRun run() {
        return run;
    }

    /** The site source the local run follows. */
    Path source() {
        return root.resolve(LocalRun.SOURCE);
    }

    /** The published catalogue of that source, as the local run reads it. */
    Catalogue catalogue() {
        return CatalogueReader.read(source()).published();
    }

    /** The local run's own folder (its data, outbox and keys). */
    Path work() {
        return work;
    }

    String url(String path) {
        return origin() + path;
    }

    /** What a browser names as the origin of the local run's own pages. */
    String origin() {
        return "http://localhost:" + run.port();
    }

    /** An answer as it came over the wire: header names in lower case. */
    record Raw(int status, Map<String, String> headers, String body) {
    }

    /**
     * A request written byte by byte on a socket to the run's loopback port, with exactly these
     * headers ({@code Host} included, which java.net.http will not let a caller set): what a
     * browser sends when a page elsewhere points its own name at 127.0.0.1.
     */
    Raw raw(String method, String path, Map<String, String> headers, String body) throws java.io.IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), run.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> received = new java.util.LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                received.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), received, answer.substring(end + 4));
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Follows a 303 as a browser does: to its Location, sending back the cookies it set
     * ({@code name=value}, attributes dropped). A plain HTTP client keeps no cookies itself.
     */
    HttpResponse<String> follow(HttpResponse<String> redirected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(redirected.headers().firstValue("Location").orElseThrow())));
        String cookies = cookies(redirected);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Cookie header a browser would send back for a response's Set-Cookie headers. */
    static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0].strip()).collect(Collectors.joining("; "));
    }

    /** A form post as a browser sends it, with any extra headers as name, value pairs. */
    HttpResponse<String> postForm(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A complete, valid application to the fixture's form ({@link FixtureAnswers}), dated from today; a copy to change. */
    static Map<String, List<String>> answers() {
        return new LinkedHashMap<>(FixtureAnswers.saferVillages(LocalDate.now(Catalogue.UK)));
    }

    /** {@link #answers()} with one question answered otherwise. */
    static Map<String, List<String>> answers(String field, String... values) {
        Map<String, List<String>> answers = answers();
        answers.put(field, List.of(values));
        return answers;
    }

    /** Sends the fixture's form with these answers, follows the redirect, and returns the reference shown. */
    String apply(Map<String, List<String>> answers) throws Exception {
        HttpResponse<String> posted = postForm("/api/forms/" + FORM + "/submissions", formEncoded(answers));
        assertThat(posted.statusCode()).as("the form post is redirected to its confirmation").isEqualTo(303);
        return shownReference(follow(posted).body());
    }

    static String formEncoded(Map<String, List<String>> answers) {
        return answers.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    /** The reference a confirmation page shows: the Location carries nothing, the cookie a signed token. */
    static String shownReference(String page) {
        Matcher shown = SHOWN_REFERENCE.matcher(page);
        assertThat(shown.find()).as("a reference on the confirmation page").isTrue();
        return shown.group(1);
    }
}
