package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.panel.PanelPack;

/**
 * The configuration set named by SES_CONFIGURATION_SET reaches every SendEmail request, simple and
 * raw. The emulator (aws-ses-v2-local) accepts the field but does not record it, so the SDK's own
 * interceptor reads the request exactly as it was marshalled and sent to the emulator.
 */
class SesConfigurationSetIT {
    static final String SET = "Funding-test-mail";
    final List<Map<String, Object>> sentBodies = new CopyOnWriteArrayList<>();
    SesEmulator ses;

    @BeforeEach
    void start() {
        ses = SesEmulator.get();
        ses.clear();
    }

    @Test
    void theNotifiersEmailsNameTheConfigurationSet() {
        sendThroughWiring(config(SET), "A subject");

        assertThat(sentBodies).singleElement().satisfies(body -> {
            assertThat(body).containsEntry("ConfigurationSetName", SET).containsEntry("FromEmailAddress", "no-reply@funding.example.gov.uk");
            assertThat(body.get("Content")).asString().contains("Raw");
        });
        assertThat(ses.emails()).singleElement().satisfies(email -> assertThat(email.get("subject")).isEqualTo("A subject"));
    }

    @Test
    void thePanelPacksRawEmailNamesTheConfigurationSet() {
        MailConfig config = config(SET);
        var catalogue = Fixtures.CATALOGUE;
        var fund = catalogue.fund(Fixtures.FUND).orElseThrow();
        PanelPack pack = PanelPack.compose(catalogue, fund, fund.round(Fixtures.ROUND).orElseThrow(), catalogue.formFor(Fixtures.FUND).orElseThrow(),
                List.of(), "grants@funding.example.gov.uk", false);
        try (SesV2Client client = recordingClient()) {
            Wiring.sesMailer(config, client).send(uk.opcc.funding.function.panel.PanelPackService.email(pack), "no-reply@funding.example.gov.uk");
        }

        assertThat(sentBodies).singleElement().satisfies(body -> {
            assertThat(body).containsEntry("ConfigurationSetName", SET);
            assertThat(body.get("Content")).asString().contains("Raw");
        });
        assertThat(ses.emails()).hasSize(1);
    }

    @Test
    void withoutTheSettingNoConfigurationSetIsNamed() {
        sendThroughWiring(config(null), "s");

        assertThat(sentBodies).singleElement().satisfies(body -> assertThat(body).doesNotContainKey("ConfigurationSetName"));
        assertThat(ses.emails()).hasSize(1);
    }

    /** A staff email through the mailer Wiring builds for these settings. */
    void sendThroughWiring(MailConfig config, String subject) {
        try (SesV2Client client = recordingClient()) {
            Wiring.sesMailer(config, client).send(new Email("grants@funding.example.gov.uk", null, subject, "text", "<p>html</p>"),
                    "no-reply@funding.example.gov.uk");
        }
    }

    MailConfig config(String configurationSet) {
        Map<String, String> env = new HashMap<>(ses.environment());
        env.put("TABLE_NAME", "applications");
        env.put("AWS_REGION", "eu-west-2");
        if (configurationSet != null) {
            env.put("SES_CONFIGURATION_SET", configurationSet);
        }
        return MailConfig.from(env, Fixtures.CATALOGUE);
    }

    /** A client of the emulator that keeps the JSON body of every request it transmits. */
    SesV2Client recordingClient() {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.requestBody().ifPresent(body -> {
                    try (InputStream in = body.contentStreamProvider().newStream()) {
                        sentBodies.add(CatalogueJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return SesV2Client.builder().endpointOverride(URI.create(ses.endpoint)).region(Region.EU_WEST_2)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }
}
