package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.opcc.funding.function.engines.NetworkReach;
import uk.opcc.funding.function.http.SecurityHeaders;

/**
 * The local run is as safe on an office or home network as the cloud: nothing listens off this
 * machine, no page answers another site's name for it (DNS rebinding), the local-only pages take
 * posts only from themselves, and the site and API carry CloudFront's security headers. Over real
 * HTTP, on a socket where the test must choose the Host a browser would send.
 */
class LocalRunIsLocalIT {
    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();

    static final List<String> EVERY_ROUTE = List.of("/", "/calls/", "/css/site.css", "/funds/lottery.html",
            "/api/forms/" + LocalRunFixture.FORM + "/confirmation?token=x", "/_outbox/", PanelPackPage.PATH);

    static Map<String, String> host(String host, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    String here() {
        return "localhost:" + local.run().port();
    }

    /** How many emails in the outbox have this in their subject. */
    long emailsInTheOutbox(String subject) throws Exception {
        if (!Files.isDirectory(local.run().outbox)) {
            return 0;
        }
        try (Stream<java.nio.file.Path> files = Files.list(local.run().outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).map(LocalRunIsLocalIT::subject)
                    .filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains(subject.toLowerCase(java.util.Locale.ROOT))).count();
        }
    }

    static String subject(java.nio.file.Path email) {
        try {
            return OutboxEmail.read(email).subject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long applicationsStored() {
        try (var client = local.run().dynamoDb().client()) {
            return client.scan(b -> b.tableName(LocalRun.TABLE)).items().stream().filter(i -> i.get("pk").s().startsWith("APP#")).count();
        }
    }

    /** The round of the fixture's fund now taking applications. */
    String nextRound() {
        return local.catalogue().fund(LocalRunFixture.FUND).orElseThrow().nextRound(java.time.Instant.now()).orElseThrow().id();
    }

    @Test
    void theSiteItsEngineAndTheOutboxAnswerOnLoopbackOnly() {
        int dynamoDb = URI.create(local.run().dynamoDb().endpoint).getPort();
        List<InetAddress> elsewhere = NetworkReach.nonLoopbackAddresses();

        assertThat(NetworkReach.connects(InetAddress.getLoopbackAddress(), local.run().port())).isTrue();
        assertThat(NetworkReach.connects(InetAddress.getLoopbackAddress(), dynamoDb)).isTrue();
        assertThat(NetworkReach.answering(elsewhere, local.run().port())).isEmpty();
        assertThat(NetworkReach.answering(elsewhere, dynamoDb)).isEmpty();
    }

    @Test
    void everyRouteRefusesAHostThatIsNotThisMachinesOwnAddressWithTheRunsPort() throws Exception {
        int port = local.run().port();
        for (String foreign : List.of("rebound.example:" + port, "rebound.example", "localhost", "localhost:" + (port + 1),
                "127.0.0.2:" + port, "localhost.rebound.example:" + port)) {
            for (String path : EVERY_ROUTE) {
                LocalRunFixture.Raw answer = local.raw("GET", path, host(foreign), "");

                assertThat(answer.status()).as("GET %s with Host %s", path, foreign).isEqualTo(421);
                assertThat(answer.headers()).containsEntry("content-type", "text/plain; charset=utf-8");
                assertThat(answer.body()).startsWith("This is a local run. It answers only at http://localhost:" + port + "/")
                        .doesNotContain("<html", LocalRunFixture.FUND_NAME, "Local outbox");
            }
        }
    }

    @Test
    void aFormPostWithAForeignHostIsRefusedAndNothingIsStored() throws Exception {
        long before = applicationsStored();
        String form = LocalRunFixture.formEncoded(LocalRunFixture.answers("groupName", "Rebound Club"));

        LocalRunFixture.Raw answer = local.raw("POST", "/api/forms/" + LocalRunFixture.FORM + "/submissions",
                host("rebound.example:" + local.run().port(), "Content-Type", "application/x-www-form-urlencoded"), form);

        assertThat(answer.status()).isEqualTo(421);
        assertThat(applicationsStored()).isEqualTo(before);
        Thread.sleep(1_000); // the stream poller runs every 300 ms: it would have sent by now
        assertThat(emailsInTheOutbox("Rebound Club")).isZero();
    }

    @Test
    void thisMachinesOwnNamesWithTheRunsPortAreServed() throws Exception {
        int port = local.run().port();
        for (String own : List.of("localhost:" + port, "LOCALHOST:" + port, "127.0.0.1:" + port, "[::1]:" + port)) {
            assertThat(local.raw("GET", "/", host(own), "").status()).as("Host %s", own).isEqualTo(200);
            assertThat(local.raw("GET", "/_outbox/", host(own), "").status()).as("Host %s", own).isEqualTo(200);
        }
    }

    @Test
    void aPanelPackPostFromAnotherOriginOrFromNoPageIsRefused_andNoPackIsMade() throws Exception {
        String form = "fundId=" + LocalRunFixture.FUND + "&roundId=" + nextRound();
        long before = emailsInTheOutbox("panel pack");
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        refused.put("another site's page", host(here(), "Origin", "http://rebound.example"));
        refused.put("this machine under another name", host(here(), "Origin", "http://127.0.0.1:" + local.run().port()));
        refused.put("a sandboxed frame", host(here(), "Origin", "null"));
        refused.put("another site, said by Sec-Fetch-Site", host(here(), "Sec-Fetch-Site", "cross-site"));
        refused.put("a same-site page of another port", host(here(), "Sec-Fetch-Site", "same-site"));
        refused.put("no page at all (curl)", host(here()));
        refused.put("a foreign origin that claims same-origin", host(here(), "Origin", "http://rebound.example", "Sec-Fetch-Site", "same-origin"));

        for (Map.Entry<String, Map<String, String>> post : refused.entrySet()) {
            Map<String, String> headers = new LinkedHashMap<>(post.getValue());
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            LocalRunFixture.Raw answer = local.raw("POST", PanelPackPage.PATH, headers, form);

            assertThat(answer.status()).as(post.getKey()).isEqualTo(403);
            assertThat(answer.body()).as(post.getKey()).startsWith("This local page takes posts only from its own pages.")
                    .doesNotContain("interim", "in the outbox");
        }
        assertThat(emailsInTheOutbox("panel pack")).isEqualTo(before);
    }

    @Test
    void aPanelPackPostFromItsOwnPageIsTaken() throws Exception {
        String form = "fundId=" + LocalRunFixture.FUND + "&roundId=" + nextRound();
        Map<String, String> byOrigin = host(here(), "Origin", local.origin(), "Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> byFetchSite = host(here(), "Sec-Fetch-Site", "same-origin", "Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> asIp = host("127.0.0.1:" + local.run().port(), "Origin", "http://127.0.0.1:" + local.run().port(),
                "Content-Type", "application/x-www-form-urlencoded");

        for (Map<String, String> headers : List.of(byOrigin, byFetchSite, asIp)) {
            LocalRunFixture.Raw answer = local.raw("POST", PanelPackPage.PATH, headers, form);

            assertThat(answer.status()).as(headers.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("An interim pack of the applications so far");
        }
    }

    /**
     * In production the API is a public form endpoint: any page may post an application to it, as
     * anyone may with curl, and it holds no cookie or session a forged post could ride on. Locally it
     * does the same, so what is tested here is what is deployed; only the Host is checked.
     */
    @Test
    void theApiTakesAFormPostFromAnyOriginAsInProduction() throws Exception {
        String form = LocalRunFixture.formEncoded(LocalRunFixture.answers("groupName", "Cross Origin Club"));

        LocalRunFixture.Raw answer = local.raw("POST", "/api/forms/" + LocalRunFixture.FORM + "/submissions",
                host(here(), "Origin", "http://elsewhere.example", "Sec-Fetch-Site", "cross-site", "Content-Type", "application/x-www-form-urlencoded"), form);

        assertThat(answer.status()).isEqualTo(303);
    }

    @Test
    void theSitesPagesAndTheApiCarryExactlyCloudFrontsSecurityHeaders_bar_HstsWhichPlainHttpCannotCarry() throws Exception {
        Map<String, String> cloudFront = lowerCase(SecurityHeaders.overPlainHttp());
        List<LocalRunFixture.Raw> answers = Stream.of("/", "/calls/", "/css/site.css", "/js/apply.js", "/funds/lottery.html",
                "/api/forms/" + LocalRunFixture.FORM + "/confirmation?token=x", "/api/forms/lottery/confirmation").map(this::get).toList();
        LocalRunFixture.Raw post = local.raw("POST", "/api/forms/" + LocalRunFixture.FORM + "/submissions",
                host(here(), "Content-Type", "application/x-www-form-urlencoded"), "amount=5");

        for (LocalRunFixture.Raw answer : Stream.concat(answers.stream(), Stream.of(post)).toList()) {
            assertThat(answer.headers()).containsAllEntriesOf(cloudFront).doesNotContainKey("strict-transport-security");
        }
        assertThat(answers).extracting(LocalRunFixture.Raw::status).containsExactly(200, 200, 200, 200, 404, 404, 404);
        assertThat(post.status()).isEqualTo(422);
        assertThat(SecurityHeaders.overHttps()).containsAllEntriesOf(SecurityHeaders.overPlainHttp()).containsKey("Strict-Transport-Security");
    }

    @Test
    void theLocalPagesCarryTheirOwnPolicies() {
        Map<String, String> outbox = get("/_outbox/").headers();
        Map<String, String> packs = get(PanelPackPage.PATH).headers();

        assertThat(outbox).containsAllEntriesOf(lowerCase(OutboxPage.HEADERS));
        assertThat(outbox.get("content-security-policy")).isEqualTo(OutboxPage.POLICY);
        assertThat(packs).containsAllEntriesOf(lowerCase(SecurityHeaders.overPlainHttp()));
    }

    LocalRunFixture.Raw get(String path) {
        try {
            return local.raw("GET", path, host(here()), "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }
}
