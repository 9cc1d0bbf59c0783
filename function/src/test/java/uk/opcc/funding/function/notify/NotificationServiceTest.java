package uk.opcc.funding.function.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.config.Config;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

public class NotificationServiceTest {
    public static final Config CONFIG = Config.forNotifier(Map.of("TABLE_NAME", "applications", "AWS_REGION", "eu-west-2",
            "SENDER_ADDRESS", "no-reply@example.gov.uk",
            "STAFF_MAILBOXES", "property-fund=grants@example.gov.uk,victims-services-fund=victims@example.gov.uk"), Fixtures.CATALOGUE);

    /** A mail service that records what it sends, and can be told to fail. */
    static final class RecordingNotifier implements StaffNotifier {
        final List<StaffEmail> sent = new ArrayList<>();
        boolean failing;

        @Override
        public String send(StaffEmail email, String from) {
            if (failing) {
                throw new EmailFailedException("mail service down", null);
            }
            sent.add(email);
            return "message-" + sent.size();
        }
    }

    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final RecordingNotifier mail = new RecordingNotifier();
    final NotificationService service = new NotificationService(Fixtures.CATALOGUE, store, mail, CONFIG, Fixtures.CLOCK);
    String reference;

    @BeforeEach
    void storeAnApplication() {
        IntakeService intake = new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, () -> "KX7P-M2RD");
        reference = ((Outcome.Accepted) intake.submit(new Submission("property-fund", Fixtures.propertyFundAnswers()))).reference();
    }

    @Test
    void emailsTheFundsMailboxOnce() {
        assertThat(service.notifyStaff(reference)).isTrue();
        assertThat(service.notifyStaff(reference)).isFalse();

        assertThat(mail.sent).hasSize(1);
        assertThat(mail.sent.get(0).to()).isEqualTo("grants@example.gov.uk");
        assertThat(store.notification.get(reference)).isEqualTo("sent");
    }

    @Test
    void aFailedEmailKeepsTheApplicationAndIsSentOnRetry() {
        mail.failing = true;
        assertThatThrownBy(() -> service.notifyStaff(reference)).isInstanceOf(EmailFailedException.class);
        assertThat(store.applications).containsKey(reference);
        assertThat(store.notification.get(reference)).isEqualTo("pending");

        mail.failing = false;
        assertThat(service.notifyStaff(reference)).isTrue();
        assertThat(mail.sent).hasSize(1);
    }

}
