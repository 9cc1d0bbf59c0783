package uk.opcc.funding.function.ses;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.notify.StaffEmail;

/** The SES adapter against the SES v2 emulator aws-ses-v2-local. */
public class SesMailerIT {

    public static SesV2Client client(String endpoint, ExecutionInterceptor... interceptors) {
        return SesV2Client.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_2)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendsTheStaffEmailWithTextHtmlAndReplyTo() {
        SesEmulator ses = SesEmulator.get();
        ses.clear();
        var answers = Fixtures.with(Fixtures.answers(), "projectDescription", "<b>bold</b> & \"quoted\"\nsecond line");
        Email email = StaffEmail.compose(new Application("KX7P-M2RD", Fixtures.FORM, Fixtures.FUND, null,
                Fixtures.ROUND, Fixtures.NOW, answers, 0), Fixtures.CATALOGUE, "grants@funding.example.gov.uk",
                new uk.opcc.funding.function.intake.SameOrganisation.Earlier(List.of(), 0), 0);

        String messageId = new SesMailer(client(ses.endpoint)).send(email, "no-reply@funding.example.gov.uk");

        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).hasSize(1);
        Map<String, Object> sent = emails.get(0);
        assertThat(sent.get("messageId")).isEqualTo(messageId);
        assertThat(sent.get("subject")).isEqualTo("Safer Villages Grant · Moorside Lanes <Watch> · £1,450 · KX7P-M2RD");
        assertThat(sent.get("from")).isEqualTo("no-reply@funding.example.gov.uk");
        assertThat((List<String>) sent.get("replyTo")).containsExactly("robin@example.org");
        assertThat((List<String>) ((Map<String, Object>) sent.get("destination")).get("to")).containsExactly("grants@funding.example.gov.uk");
        Map<String, String> body = (Map<String, String>) sent.get("body");
        assertThat(body.get("text")).startsWith(email.text().lines().findFirst().orElseThrow()).contains("    <b>bold</b> & \"quoted\"\n    second line");
        assertThat(body.get("html")).contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;").doesNotContain("<b>bold</b>");
    }

    @Test
    void anUnreachableMailServiceIsReportedAsAFailedEmail() {
        Email email = new Email("grants@funding.example.gov.uk", null, "s", "t", "<p>h</p>");
        SesMailer unreachable = new SesMailer(client("http://127.0.0.1:" + DynamoDbLocal.freePort()));

        assertThatThrownBy(() -> unreachable.send(email, "no-reply@funding.example.gov.uk")).isInstanceOf(EmailFailedException.class);
    }

    /**
     * SES answers an address it will never send to (such as {@code a@-.-}) with 400 and the error
     * type {@code BadRequestException}, "Illegal address"; the emulator does not check addresses,
     * so a server answering exactly as SES's API reference gives it stands in, through the real
     * client, marshalling and error unmarshalling. A failure SES may get over (throttling) is not a refusal.
     */
    @Test
    void anAddressSesRefusesForGoodIsARefusalNotAFailureToRetry() throws Exception {
        Email email = new Email("a@-.-", null, "s", "t", "<p>h</p>");
        try (SesAnswering badRequest = new SesAnswering(400, "BadRequestException", "Illegal address");
             SesAnswering throttled = new SesAnswering(429, "TooManyRequestsException", "Too many requests")) {
            assertThatThrownBy(() -> new SesMailer(client(badRequest.endpoint())).send(email, "no-reply@funding.example.gov.uk"))
                    .isInstanceOf(EmailRefusedException.class).hasMessage("SES refused the email: BadRequestException");
            assertThat(badRequest.paths).containsExactly("/v2/email/outbound-emails");
            assertThatThrownBy(() -> new SesMailer(client(throttled.endpoint())).send(email, "no-reply@funding.example.gov.uk"))
                    .isInstanceOf(EmailFailedException.class).isNotInstanceOf(EmailRefusedException.class);
        }
    }

    /** An HTTP server answering every request as SES v2 answers an error: the status, the x-amzn-ErrorType header, the JSON message. */
    static final class SesAnswering implements AutoCloseable {
        final com.sun.net.httpserver.HttpServer server;
        final List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();

        SesAnswering(int status, String type, String message) throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                paths.add(exchange.getRequestURI().getPath());
                exchange.getRequestBody().readAllBytes();
                byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
