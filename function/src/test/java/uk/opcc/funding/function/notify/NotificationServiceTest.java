package uk.opcc.funding.function.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.config.Config;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.notify.NotificationService.Delivery;
import uk.opcc.funding.function.storage.ApplicationStore;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

public class NotificationServiceTest {
    public static final Config CONFIG = Config.forNotifier(Map.of("TABLE_NAME", "applications", "AWS_REGION", "eu-west-2",
            "SENDER_ADDRESS", "no-reply@example.gov.uk",
            "STAFF_MAILBOXES", "property-fund=grants@example.gov.uk,victims-services-fund=victims@example.gov.uk"), Fixtures.CATALOGUE);
    public static final Duration BUDGET = Duration.ofSeconds(20);
    static final Supplier<Duration> FULL_INVOCATION = () -> Duration.ofSeconds(30);

    /** A mail service that records what it sends, and can be told to fail. */
    public static final class RecordingMailer implements Mailer {
        public final List<Email> sent = new ArrayList<>();
        public boolean failing;

        @Override
        public String send(Email email, String from) {
            if (failing) {
                throw new EmailFailedException("mail service down", null);
            }
            sent.add(email);
            return "message-" + sent.size();
        }
    }

    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final RecordingMailer mail = new RecordingMailer();
    final NotificationService service = service(store, mail, Fixtures.CLOCK);

    /** The service as the notifier builds it, on a store and mail service of the test's. */
    public static NotificationService service(ApplicationStore store, Mailer mailer, Clock clock) {
        return new NotificationService(store, new Emails(Fixtures.CATALOGUE, Fixtures.PUBLISHER, CONFIG, store), mailer,
                CONFIG.senderAddress().orElseThrow(), clock, BUDGET);
    }
    String reference;

    @BeforeEach
    void storeAnApplication() {
        IntakeService intake = new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, () -> "KX7P-M2RD");
        reference = ((Outcome.Accepted) intake.submit(new Submission("property-fund", Fixtures.propertyFundAnswers()))).reference();
    }

    @Test
    void emailsTheFundsMailboxAndTheApplicantOnceEach() {
        assertThat(service.notify(reference, FULL_INVOCATION).deliveries())
                .isEqualTo(Map.of(Recipient.STAFF, Delivery.SENT, Recipient.APPLICANT, Delivery.SENT));
        NotificationService.Outcome again = service.notify(reference, FULL_INVOCATION);

        assertThat(again.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.ALREADY_SENT, Recipient.APPLICANT, Delivery.ALREADY_SENT));
        assertThat(again.settled()).isTrue();
        assertThat(mail.sent).extracting(Email::to).containsExactly("grants@example.gov.uk", "sam@example.org");
        assertThat(store.state(reference, Recipient.STAFF)).isEqualTo("sent");
        assertThat(store.state(reference, Recipient.APPLICANT)).isEqualTo("sent");
    }

    @Test
    void aFailureOfOneEmailNeitherBlocksNorRepeatsTheOther() {
        Mailer applicantsAddressRefused = (email, from) -> {
            if (email.to().equals("sam@example.org")) {
                throw new EmailFailedException("address refused", null);
            }
            return mail.send(email, from);
        };
        NotificationService.Outcome first = service(store, applicantsAddressRefused, Fixtures.CLOCK).notify(reference, FULL_INVOCATION);
        assertThat(first.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.SENT, Recipient.APPLICANT, Delivery.FAILED));
        assertThat(first.settled()).isFalse();
        assertThat(store.state(reference, Recipient.APPLICANT)).isEqualTo("pending");

        NotificationService.Outcome retry = service.notify(reference, FULL_INVOCATION);

        assertThat(retry.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.ALREADY_SENT, Recipient.APPLICANT, Delivery.SENT));
        assertThat(mail.sent).extracting(Email::to).containsExactly("grants@example.gov.uk", "sam@example.org");
    }

    @Test
    void noConfirmationIsOwedWhereTheApplicantGaveNoAddress() {
        store.put(new uk.opcc.funding.function.intake.Application("PN4W-8HTC", "property-fund", "property-fund", null, "2026-27-Q3",
                Fixtures.NOW, Fixtures.with(Fixtures.propertyFundAnswers(), "email"), 0));

        NotificationService.Outcome outcome = service.notify("PN4W-8HTC", FULL_INVOCATION);

        assertThat(outcome.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.SENT, Recipient.APPLICANT, Delivery.ALREADY_SENT));
        assertThat(outcome.settled()).isTrue();
        assertThat(mail.sent).extracting(Email::to).containsExactly("grants@example.gov.uk");
    }

    @Test
    void aFailedEmailKeepsTheApplicationAndIsSentOnRetry() {
        mail.failing = true;
        NotificationService.Outcome failed = service.notify(reference, FULL_INVOCATION);
        assertThat(failed.settled()).isFalse();
        assertThat(failed.errors()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(EmailFailedException.class));
        assertThat(store.applications).containsKey(reference);
        assertThat(store.state(reference, Recipient.STAFF)).isEqualTo("pending");

        mail.failing = false;
        assertThat(service.notify(reference, FULL_INVOCATION).settled()).isTrue();
        assertThat(mail.sent).hasSize(2);
    }

    /** The process dying: nothing after it runs, not even a finally's release. */
    static final class Crash extends Error {
    }

    NotificationService at(Instant moment, Mailer mailer) {
        return service(store, mailer, Clock.fixed(moment, ZoneOffset.UTC));
    }

    @Test
    void theClaimLastsTheInvocationsRemainingTimePlusAMargin() {
        Mailer dies = (email, from) -> {
            throw new Crash();
        };
        assertThatThrownBy(() -> at(Fixtures.NOW, dies).notify(reference, () -> Duration.ofSeconds(25))).isInstanceOf(Crash.class);
        assertThat(store.state(reference, Recipient.STAFF)).isEqualTo("sending");

        NotificationService.Outcome retry = at(Fixtures.NOW.plusSeconds(29), mail).notify(reference, FULL_INVOCATION);
        assertThat(retry.deliveries()).containsEntry(Recipient.STAFF, Delivery.HELD_ELSEWHERE);
        assertThat(retry.settled()).as("a held claim is not a sent email").isFalse();
        assertThat(mail.sent).extracting(Email::to).as("the applicant's is not held up").containsExactly("sam@example.org");

        // 25 s left when it was claimed, plus the margin: lapsed at 30 s, so taken over.
        assertThat(at(Fixtures.NOW.plusSeconds(31), mail).notify(reference, FULL_INVOCATION).deliveries())
                .containsEntry(Recipient.STAFF, Delivery.SENT);
        assertThat(mail.sent).extracting(Email::to).containsExactly("sam@example.org", "grants@example.gov.uk");
    }

    @Test
    void anEmailIsNotStartedWithoutTimeToFinishIt() {
        NotificationService.Outcome outcome = service.notify(reference, () -> BUDGET.minusMillis(1));

        assertThat(outcome.deliveries()).containsEntry(Recipient.STAFF, Delivery.NO_TIME_LEFT);
        assertThat(outcome.settled()).isFalse();
        assertThat(store.state(reference, Recipient.STAFF)).as("not even claimed").isEqualTo("pending");
        assertThat(mail.sent).isEmpty();
    }
}
