package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.notify.ApplicantEmail;
import uk.opcc.funding.function.notify.StaffEmail;
import uk.opcc.funding.function.panel.PanelPack;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.ses.SesMailerIT;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.site.FixtureSite;

/**
 * The .eml a person previews in the local outbox is what SES is given: each kind of email, sent
 * through the SES adapter to the SES v2 emulator and written by the outbox with the same clock and
 * message ids, is the same bytes as the raw message in the request SES received, and the emulator
 * reads from those bytes the email that was composed. The emails are the fixture funder's, at its clock.
 */
class OutboxIsWhatSesSendsIT {
    static final String FROM = "no-reply@funding.example.gov.uk";

    @TempDir
    Path outbox;

    @TempDir
    Path site;

    @Test
    @SuppressWarnings("unchecked")
    void theOutboxFileOfEachKindOfEmailIsByteForByteTheRawMessageGivenToSes() throws Exception {
        SesEmulator ses = SesEmulator.get();
        ses.clear();
        Path source = FixtureSite.source(Path.of("../site"), site.resolve("jbake"));
        Catalogue catalogue = CatalogueReader.read(source).published();
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(FixtureAnswers.saferVillages(FixtureSite.NOW.atZone(Catalogue.UK).toLocalDate()));
        answers.put("projectDescription", List.of("£ and “quotes” \n--=_alt-boundary\nBcc: x@example.com"));
        Application application = new Application("KX7P-M2RD", LocalRunFixture.FORM, LocalRunFixture.FUND, null, "NV-2030-R1", FixtureSite.NOW, answers, 0);
        Fund fund = catalogue.fund(LocalRunFixture.FUND).orElseThrow();
        PanelPack pack = PanelPack.compose(catalogue, fund, fund.round("NV-2030-R1").orElseThrow(),
                catalogue.formFor(LocalRunFixture.FUND).orElseThrow(), List.of(application), "grants@funding.example.gov.uk", false);
        List<Email> emails = List.of(
                StaffEmail.compose(application, catalogue, "grants@funding.example.gov.uk", new SameOrganisation.Earlier(List.of(), 0), 0),
                ApplicantEmail.compose(application, catalogue, Publisher.read(source), "grants@funding.example.gov.uk"),
                PanelPackService.email(pack));

        List<byte[]> givenToSes = new ArrayList<>();
        Clock clock = Clock.fixed(FixtureSite.NOW, ZoneOffset.UTC);
        try (SesV2Client client = SesMailerIT.client(ses.endpoint, new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                givenToSes.add(((SendEmailRequest) context.request()).content().raw().data().asByteArray());
            }
        })) {
            SesMailer sesMailer = new SesMailer(client, Optional.empty(), clock, ids());
            OutboxMailer outboxMailer = new OutboxMailer(outbox, clock, ids());
            for (Email email : emails) {
                sesMailer.send(email, FROM);
                outboxMailer.send(email, FROM);
            }
        }

        List<Path> files;
        try (Stream<Path> listed = Files.list(outbox)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(3);
        assertThat(givenToSes).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(Files.readAllBytes(files.get(i))).as("the outbox's %s", files.get(i).getFileName()).isEqualTo(givenToSes.get(i));
        }

        List<Map<String, Object>> received = ses.emails();
        assertThat(received).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Email email = emails.get(i);
            Map<String, Object> sent = received.get(i);
            assertThat(sent.get("subject")).isEqualTo(email.subject());
            Map<String, Object> destination = (Map<String, Object>) sent.get("destination");
            assertThat((List<String>) destination.get("to")).containsExactly(email.to());
            assertThat((List<String>) destination.get("bcc")).as("the answer's Bcc line stayed in the body").isEmpty();
            String text = ((Map<String, String>) sent.get("body")).get("text");
            assertThat(text.replace("\r\n", "\n").strip()).isEqualTo(email.text().strip());
        }
        Map<String, Object> csv = ((List<Map<String, Object>>) received.get(2).get("attachments")).get(0);
        assertThat(csv.get("filename")).isEqualTo(pack.attachmentName());
        assertThat(new String(java.util.Base64.getDecoder().decode((String) csv.get("content")), StandardCharsets.UTF_8)).isEqualTo(pack.csv());
    }

    /** The same ids for both adapters, in the same order. */
    static java.util.function.Supplier<String> ids() {
        Iterator<String> ids = List.of("a0000001-staff", "a0000002-applicant", "a0000003-pack").iterator();
        return ids::next;
    }
}
