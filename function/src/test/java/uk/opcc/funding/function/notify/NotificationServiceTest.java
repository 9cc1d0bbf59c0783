package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.mail.Email;
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
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.notify.NotificationService.Delivery;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

public class NotificationServiceTest {
    public static final MailConfig CONFIG = MailConfig.from(Map.of("TABLE_NAME", "applications", "AWS_REGION", "eu-west-2",
            "SENDER_ADDRESS", "no-reply@example.gov.uk", "SITE_ADDRESS", "https://funding.example.gov.uk",
            "STAFF_MAILBOXES", "safer-villages-fund=grants@example.gov.uk,youth-diversion-fund=youth@example.gov.uk"), Fixtures.CATALOGUE);
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
    public static NotificationService service(EmailRecords store, Mailer mailer, Clock clock) {
        return new NotificationService(store, new Emails(Fixtures.CATALOGUE, Fixtures.PUBLISHER, CONFIG, store, clock), mailer,
                CONFIG.senderAddress(), clock, BUDGET);
    }
    String reference;

    @BeforeEach
    void storeAnApplication() {
        IntakeService intake = new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, () -> "KX7P-M2RD");
        reference = ((Outcome.Accepted) intake.submit(new Submission(Fixtures.FORM, Fixtures.answers()))).reference();
    }

    @Test
    void emailsTheFundsMailboxAndTheApplicantOnceEach() {
        assertThat(service.notify(reference, FULL_INVOCATION).deliveries())
                .isEqualTo(Map.of(Recipient.STAFF, Delivery.SENT, Recipient.APPLICANT, Delivery.SENT));
        NotificationService.Outcome again = service.notify(reference, FULL_INVOCATION);

        assertThat(again.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.ALREADY_SENT, Recipient.APPLICANT, Delivery.ALREADY_SENT));
        assertThat(again.settled()).isTrue();
        assertThat(mail.sent).extracting(Email::to).containsExactly("grants@example.gov.uk", "robin@example.org");
        assertThat(store.state(reference, Recipient.STAFF)).isEqualTo("sent");
        assertThat(store.state(reference, Recipient.APPLICANT)).isEqualTo("sent");
    }

    @Test
    void aFailureOfOneEmailNeitherBlocksNorRepeatsTheOther() {
        Mailer applicantsAddressRefused = (email, from) -> {
            if (email.to().equals("robin@example.org")) {
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
        assertThat(mail.sent).extracting(Email::to).containsExactly("grants@example.gov.uk", "robin@example.org");
    }

    @Test
    void noConfirmationIsOwedWhereTheApplicantGaveNoAddress() {
        store.put(new uk.opcc.funding.function.intake.Application("PN4W-8HTC", Fixtures.FORM, Fixtures.FUND, null, Fixtures.ROUND,
                Fixtures.NOW, Fixtures.with(Fixtures.answers(), "email"), 0));

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
        assertThat(mail.sent).extracting(Email::to).as("the applicant's is not held up").containsExactly("robin@example.org");

        // 25 s left when it was claimed, plus the margin: lapsed at 30 s, so taken over.
        assertThat(at(Fixtures.NOW.plusSeconds(31), mail).notify(reference, FULL_INVOCATION).deliveries())
                .containsEntry(Recipient.STAFF, Delivery.SENT);
        assertThat(mail.sent).extracting(Email::to).containsExactly("robin@example.org", "grants@example.gov.uk");
    }

    @Test
    void anEmailIsNotStartedWithoutTimeToFinishIt() {
        NotificationService.Outcome outcome = service.notify(reference, () -> BUDGET.minusMillis(1));

        assertThat(outcome.deliveries()).containsEntry(Recipient.STAFF, Delivery.NO_TIME_LEFT);
        assertThat(outcome.settled()).isFalse();
        assertThat(store.state(reference, Recipient.STAFF)).as("not even claimed").isEqualTo("pending");
        assertThat(mail.sent).isEmpty();
    }

    /** The fixture's cap of confirmations to one address a day. */
    static final int DAILY_CAP = Fixtures.PUBLISHER.emailsToOneAddressADay();

    /** One more application to the Safer Villages Grant than the day's cap, from one address, on one day; each a different group. */
    List<String> oneOverTheCapFromOneAddress(String address) {
        List<String> references = new ArrayList<>();
        for (int i = 1; i <= DAILY_CAP + 1; i++) {
            String ref = "CAP" + i + "-M2RD";
            store.put(new uk.opcc.funding.function.intake.Application(ref, Fixtures.FORM, Fixtures.FUND, null, Fixtures.ROUND,
                    Fixtures.NOW.plusSeconds(i), Fixtures.with(Fixtures.with(Fixtures.answers(), "email", address),
                    "groupName", "Group number " + i), 0));
            references.add(ref);
        }
        return references;
    }

    @Test
    void anAddressGetsAtMostTheDaysCapOfEmailsAndStaffAreToldOfTheOnesHeldBack() {
        // given the data's cap of 5 a day, and six applications giving one address (written differently)
        assertThat(DAILY_CAP).isEqualTo(5);
        List<String> references = oneOverTheCapFromOneAddress(" Victim@Example.org");

        // when each is notified, and the sixth again (a retry)
        List<NotificationService.Outcome> outcomes = references.stream().map(r -> service.notify(r, FULL_INVOCATION)).toList();
        NotificationService.Outcome retry = service.notify(references.get(5), FULL_INVOCATION);

        // then five confirmations went, the sixth is held back for good, and its staff email says so
        assertThat(outcomes).extracting(o -> o.deliveries().get(Recipient.APPLICANT))
                .containsExactly(Delivery.SENT, Delivery.SENT, Delivery.SENT, Delivery.SENT, Delivery.SENT, Delivery.HELD_BACK);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.settled()).isTrue());
        assertThat(retry.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.ALREADY_SENT, Recipient.APPLICANT, Delivery.ALREADY_SENT));
        assertThat(store.state(references.get(5), Recipient.APPLICANT)).isEqualTo("held");
        assertThat(mail.sent.stream().filter(e -> !e.to().equals("grants@example.gov.uk"))).hasSize(5);
        List<Email> staff = mail.sent.stream().filter(e -> e.to().equals("grants@example.gov.uk")).toList();
        assertThat(staff).hasSize(6);
        assertThat(staff.subList(0, 5)).allSatisfy(e -> assertThat(e.text()).doesNotContain("We have not emailed the applicant"));
        assertThat(staff.get(5).text()).contains("We have not emailed the applicant a confirmation: their address has already had 5 emails");
    }

    @Test
    void theCapCountsByDayInUkTime() {
        List<String> references = oneOverTheCapFromOneAddress("robin@example.org");
        references.subList(0, DAILY_CAP).forEach(r -> service.notify(r, FULL_INVOCATION));

        // 12 March ends at midnight UK time (GMT in March, before the clocks go forward): the sixth, notified on the 13th, goes
        NotificationService.Outcome nextDay = at(Instant.parse("2030-03-13T00:00:01Z"), mail).notify(references.get(DAILY_CAP), FULL_INVOCATION);

        assertThat(nextDay.deliveries()).containsEntry(Recipient.APPLICANT, Delivery.SENT);
    }

    @Test
    void aStoreThatCannotCountLeavesTheApplicantsEmailForTheRetryNeverSentUncounted() {
        service.notify(reference, () -> Duration.ofSeconds(30)); // staff and applicant sent: the count is taken
        List<String> references = oneOverTheCapFromOneAddress("other@example.org");
        store.unavailable = true;

        NotificationService.Outcome outcome = service.notify(references.get(0), FULL_INVOCATION);

        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.errors()).isNotEmpty();
        assertThat(mail.sent.stream().filter(e -> e.to().equals("other@example.org"))).isEmpty();
    }

    @Test
    void anApplicantsAddressTheMailServiceRefusesForGoodIsMarkedRefusedAndNeverRetried() {
        Mailer refusesTheApplicant = (email, from) -> {
            if (email.to().equals("robin@example.org")) {
                throw new EmailRefusedException("SES refused the email: BadRequestException", null);
            }
            return mail.send(email, from);
        };

        NotificationService.Outcome outcome = service(store, refusesTheApplicant, Fixtures.CLOCK).notify(reference, FULL_INVOCATION);
        NotificationService.Outcome retry = service(store, refusesTheApplicant, Fixtures.CLOCK).notify(reference, FULL_INVOCATION);

        assertThat(outcome.deliveries()).isEqualTo(Map.of(Recipient.STAFF, Delivery.SENT, Recipient.APPLICANT, Delivery.REFUSED));
        assertThat(outcome.settled()).as("nothing for Lambda to retry, no record parked").isTrue();
        assertThat(store.state(reference, Recipient.APPLICANT)).isEqualTo("refused");
        assertThat(retry.deliveries()).containsEntry(Recipient.APPLICANT, Delivery.ALREADY_SENT);
        assertThat(store.unsent()).isEmpty();
    }

    @Test
    void aStaffMailboxTheMailServiceRefusesStaysWaitingForTheResendOnceTheSettingIsPutRight() {
        Mailer refusesStaff = (email, from) -> {
            if (email.to().equals("grants@example.gov.uk")) {
                throw new EmailRefusedException("SES refused the email: BadRequestException", null);
            }
            return mail.send(email, from);
        };

        NotificationService.Outcome outcome = service(store, refusesStaff, Fixtures.CLOCK).notify(reference, FULL_INVOCATION);

        assertThat(outcome.deliveries()).containsEntry(Recipient.STAFF, Delivery.FAILED);
        assertThat(outcome.settled()).isFalse();
        assertThat(store.state(reference, Recipient.STAFF)).isEqualTo("pending");
    }
}
