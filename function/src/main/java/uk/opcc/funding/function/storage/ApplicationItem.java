package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.function.notify.EmailRecords;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.notify.Recipient;

/** An application as a DynamoDB item, and back. */
final class ApplicationItem {
    /** An email's state: waiting, claimed by one attempt until its lease, sent (or none to send). */
    static final String PENDING = Leases.PENDING;
    static final String SENDING = Leases.SENDING;
    static final String SENT = "sent";
    /** No email to send: the applicant gave no address. */
    static final String NONE = "none";
    /** Not sent, for good: the address had the day's most emails already (see DailyEmailCounts). */
    static final String HELD = EmailRecords.NotSent.HELD_BACK.state;
    /** Not sent, for good: the mail service refused the address (SES's BadRequest). */
    static final String REFUSED = EmailRecords.NotSent.REFUSED.state;

    private ApplicationItem() {
    }

    static Map<String, AttributeValue> of(Application application, FormDefinition form) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ApplicationTable.KEY, s(ApplicationTable.APPLICATION_PREFIX + application.reference()));
        item.put("kind", s("application"));
        item.put("reference", s(application.reference()));
        item.put("formId", s(application.formId()));
        item.put("fundId", s(application.fundId()));
        if (application.callId() != null) {
            item.put("callId", s(application.callId()));
        }
        item.put("panelRound", s(application.panelRound()));
        item.put(ApplicationTable.FUND_ROUND, s(ApplicationTable.fundRound(application.fundId(), application.panelRound())));
        item.put(ApplicationTable.RECEIVED_AT, s(application.receivedAt().toString()));
        Map<String, AttributeValue> answers = new HashMap<>();
        application.answers().forEach((name, values) -> answers.put(name, AttributeValue.fromL(values.stream().map(ApplicationItem::s).toList())));
        item.put("answers", AttributeValue.fromM(answers));
        item.put(state(Recipient.STAFF), s(PENDING));
        item.put(attempts(Recipient.STAFF), AttributeValue.fromN("0"));
        item.put(state(Recipient.APPLICANT), s(application.applicantEmail(form).isPresent() ? PENDING : NONE));
        item.put(ApplicationTable.NEEDS_EMAIL, s(ApplicationTable.NEEDS_EMAIL_VALUE));
        item.put(attempts(Recipient.APPLICANT), AttributeValue.fromN("0"));
        item.put(ApplicationTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(application.expiresAt())));
        return item;
    }

    static Application from(Map<String, AttributeValue> item) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        item.get("answers").m().forEach((name, values) -> answers.put(name, values.l().stream().map(AttributeValue::s).toList()));
        AttributeValue call = item.get("callId");
        return new Application(item.get("reference").s(), item.get("formId").s(), item.get("fundId").s(),
                call == null ? null : call.s(), item.get("panelRound").s(), Instant.parse(item.get("receivedAt").s()),
                answers, Long.parseLong(item.get(ApplicationTable.EXPIRES_AT).n()));
    }

    /** An item from the needs-email index: its reference, when it came, its emails' states. */
    static EmailRecords.Unsent unsent(Map<String, AttributeValue> item) {
        Map<Recipient, EmailRecords.EmailState> emails = new java.util.EnumMap<>(Recipient.class);
        for (Recipient recipient : Recipient.values()) {
            AttributeValue state = item.get(state(recipient));
            AttributeValue lease = item.get(leaseUntil(recipient));
            AttributeValue attempts = item.get(attempts(recipient));
            AttributeValue error = item.get(error(recipient));
            emails.put(recipient, new EmailRecords.EmailState(state == null ? NONE : state.s(),
                    lease == null ? null : Instant.ofEpochMilli(Long.parseLong(lease.n())),
                    attempts == null ? 0 : Integer.parseInt(attempts.n()), error == null ? null : error.s()));
        }
        return new EmailRecords.Unsent(item.get("reference").s(), Instant.parse(item.get(ApplicationTable.RECEIVED_AT).s()), emails);
    }

    /** What the daily cap decided for each email, where it has (see DailyEmailCounts). */
    static Map<Recipient, EmailRecords.CapDecision> capDecisions(Map<String, AttributeValue> item) {
        Map<Recipient, EmailRecords.CapDecision> decisions = new java.util.EnumMap<>(Recipient.class);
        for (Recipient recipient : Recipient.values()) {
            AttributeValue decision = item.get(cap(recipient));
            if (decision != null) {
                decisions.put(recipient, DailyEmailCounts.HELD.equals(decision.s()) ? EmailRecords.CapDecision.HELD_BACK
                        : EmailRecords.CapDecision.WITHIN_CAP);
            }
        }
        return decisions;
    }

    /** Whether an email is done with: sent, none to send, or held back. */
    static boolean settled(Map<String, AttributeValue> item, Recipient recipient) {
        AttributeValue state = item.get(state(recipient));
        return state != null && List.of(SENT, NONE, HELD, REFUSED).contains(state.s());
    }

    // One set of attributes per email, so each is claimed and retried by itself.

    /** Where one email's claim and lease are kept: leases in epoch milliseconds, since they follow the invocation's remaining time, which is short. */
    static Leases.Job email(Recipient recipient) {
        return new Leases.Job(state(recipient), leaseUntil(recipient), attempts(recipient), error(recipient), java.time.temporal.ChronoUnit.MILLIS);
    }

    static String state(Recipient recipient) {
        return recipient.id + "Email";
    }

    /** Epoch milliseconds: leases follow the invocation's remaining time, which is short. */
    static String leaseUntil(Recipient recipient) {
        return recipient.id + "EmailLeaseUntil";
    }

    static String attempts(Recipient recipient) {
        return recipient.id + "EmailAttempts";
    }

    static String messageId(Recipient recipient) {
        return recipient.id + "EmailMessageId";
    }

    static String sentAt(Recipient recipient) {
        return recipient.id + "EmailSentAt";
    }

    /** What the day's cap on emails to the address decided for this email, once: {@code within} or {@code held}. */
    static String cap(Recipient recipient) {
        return recipient.id + "EmailCap";
    }

    static String error(Recipient recipient) {
        return recipient.id + "EmailError";
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
