package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Endorsement;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.function.endorse.EmailJob;
import uk.opcc.funding.function.endorse.EndorsementRecords;
import uk.opcc.funding.function.endorse.EndorsementState;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.notify.EmailRecords.CapDecision;
import uk.opcc.funding.function.notify.Recipient;

/**
 * The endorsement on the application's own item ({@code APP#<reference>}). Each step keeps
 * {@code endorsement<Step>State} (requested, reminded, supported, declined, expired),
 * {@code …RequestedAt}, {@code …LinkExpires} (epoch seconds), {@code …LinkHashes} (the SHA-256 of
 * each link sent), {@code …RemindedAt}, {@code …AnsweredAt} and {@code …Statement}. Each email is a
 * job claimed through {@link Leases} ({@code endorsement<Step>RequestEmail} and its lease, attempts,
 * error, message id, time sent), listed while due in {@code endorsementEmailsDue}; while that set has
 * anything in it the application stays on the needs-email index, so the resend finds it.
 */
public final class DynamoDbEndorsementRecords implements EndorsementRecords {
    static final String DUE = "endorsementEmailsDue";
    private static final String REQUESTED = EndorsementState.Status.REQUESTED.stored();
    private static final String REMINDED = EndorsementState.Status.REMINDED.stored();

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Catalogue catalogue;
    private final Leases leases;
    /** For what the application's own store already does: a round's query, and the needs-email index. */
    private final DynamoDbApplicationStore applications;

    /** @param catalogue the funds, for the steps each application's endorsement has */
    public DynamoDbEndorsementRecords(DynamoDbClient dynamoDb, String table, Catalogue catalogue) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.catalogue = catalogue;
        this.leases = new Leases(dynamoDb, table, ApplicationTable.KEY);
        this.applications = new DynamoDbApplicationStore(dynamoDb, table);
    }

    static Leases.Job job(EmailJob job) {
        String a = job.attribute();
        return new Leases.Job(a, a + "LeaseUntil", a + "Attempts", a + "Error", ChronoUnit.MILLIS);
    }

    @Override
    public Optional<EndorsementState> find(String reference) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key(reference))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(state(item));
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not read the endorsement of " + reference, e);
        }
    }

    @Override
    public boolean start(String reference, String stepId, Instant now, Instant linkExpires) {
        EmailJob request = new EmailJob(stepId, EmailJob.Kind.REQUEST);
        String p = EndorsementState.prefix(stepId);
        return update(reference, "SET #state = :requested, #requestedAt = :now, #expires = :expires, #job = :pending, #needs = :yes ADD #due :jobs",
                "attribute_exists(#pk) AND attribute_not_exists(#state)",
                Map.of("#state", p + "State", "#requestedAt", p + "RequestedAt", "#expires", p + "LinkExpires", "#job", request.attribute(),
                        "#needs", ApplicationTable.NEEDS_EMAIL, "#due", DUE, "#pk", ApplicationTable.KEY),
                Map.of(":requested", s(REQUESTED), ":now", s(now.toString()), ":expires", n(linkExpires.getEpochSecond()),
                        ":pending", s(Leases.PENDING), ":yes", s(ApplicationTable.NEEDS_EMAIL_VALUE), ":jobs", jobs(List.of(request))),
                "start the endorsement of " + reference);
    }

    @Override
    public boolean answer(String reference, String stepId, String linkHash, boolean supported, String statement, Instant now,
            List<EmailJob> due, Optional<Next> next) {
        String p = EndorsementState.prefix(stepId);
        Map<String, String> names = new HashMap<>(Map.of("#state", p + "State", "#answeredAt", p + "AnsweredAt", "#statement", p + "Statement",
                "#expires", p + "LinkExpires", "#hashes", p + "LinkHashes", "#needs", ApplicationTable.NEEDS_EMAIL, "#due", DUE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":answer", s(supported ? "supported" : "declined"), ":now", s(now.toString()),
                ":statement", s(statement), ":requested", s(REQUESTED), ":reminded", s(REMINDED), ":nowSeconds", n(now.getEpochSecond()),
                ":hash", s(linkHash), ":yes", s(ApplicationTable.NEEDS_EMAIL_VALUE), ":jobs", jobs(due), ":pending", s(Leases.PENDING)));
        StringBuilder set = new StringBuilder("SET #state = :answer, #answeredAt = :now, #statement = :statement, #needs = :yes");
        for (int i = 0; i < due.size(); i++) {
            names.put("#job" + i, due.get(i).attribute());
            set.append(", #job").append(i).append(" = :pending");
        }
        next.ifPresent(n -> {
            String np = EndorsementState.prefix(n.stepId());
            names.putAll(Map.of("#nextState", np + "State", "#nextRequestedAt", np + "RequestedAt", "#nextExpires", np + "LinkExpires"));
            values.put(":nextExpires", n(n.linkExpires().getEpochSecond()));
            set.append(", #nextState = :requested, #nextRequestedAt = :now, #nextExpires = :nextExpires");
        });
        return update(reference, set + " ADD #due :jobs",
                "#state IN (:requested, :reminded) AND #expires > :nowSeconds AND contains(#hashes, :hash)", names, values,
                "record the answer of step " + stepId + " of " + reference);
    }

    @Override
    public List<EndorsementState> inRound(String fundId, String roundId) {
        return applications.roundWithEndorsements(fundId, roundId);
    }

    @Override
    public boolean remind(String reference, String stepId, Instant now) {
        EmailJob reminder = new EmailJob(stepId, EmailJob.Kind.REMINDER);
        String p = EndorsementState.prefix(stepId);
        return update(reference, "SET #state = :reminded, #remindedAt = :now, #job = :pending, #needs = :yes ADD #due :jobs",
                "#state = :requested AND #expires > :nowSeconds AND attribute_not_exists(#job)",
                Map.of("#state", p + "State", "#remindedAt", p + "RemindedAt", "#expires", p + "LinkExpires", "#job", reminder.attribute(),
                        "#needs", ApplicationTable.NEEDS_EMAIL, "#due", DUE),
                Map.of(":reminded", s(REMINDED), ":requested", s(REQUESTED), ":now", s(now.toString()), ":nowSeconds", n(now.getEpochSecond()),
                        ":pending", s(Leases.PENDING), ":yes", s(ApplicationTable.NEEDS_EMAIL_VALUE), ":jobs", jobs(List.of(reminder))),
                "remind step " + stepId + " of " + reference);
    }

    @Override
    public boolean expire(String reference, String stepId, Instant now) {
        EmailJob staff = new EmailJob(stepId, EmailJob.Kind.STAFF);
        String p = EndorsementState.prefix(stepId);
        return update(reference, "SET #state = :expired, #answeredAt = :now, #job = :pending, #applicant = :pending, #needs = :yes ADD #due :jobs",
                "#state IN (:requested, :reminded) AND #expires <= :nowSeconds",
                Map.of("#state", p + "State", "#answeredAt", p + "AnsweredAt", "#expires", p + "LinkExpires", "#job", staff.attribute(),
                        "#applicant", EmailJob.applicant().attribute(), "#needs", ApplicationTable.NEEDS_EMAIL, "#due", DUE),
                Map.of(":expired", s(EndorsementState.Status.EXPIRED.stored()), ":requested", s(REQUESTED), ":reminded", s(REMINDED),
                        ":now", s(now.toString()), ":nowSeconds", n(now.getEpochSecond()), ":pending", s(Leases.PENDING),
                        ":yes", s(ApplicationTable.NEEDS_EMAIL_VALUE), ":jobs", jobs(List.of(staff, EmailJob.applicant()))),
                "expire step " + stepId + " of " + reference);
    }

    @Override
    public Claim claim(String reference, EmailJob job, Instant now, Instant leaseUntil) {
        Leases.Claimed claimed = leases.claim(key(reference), job(job), now, leaseUntil, false, Map.of(), what(reference, job));
        if (claimed.granted()) {
            return new Claim.Granted(state(claimed.item()));
        }
        AttributeValue state = claimed.item().get(job.attribute());
        if (state == null || !Leases.SENDING.equals(state.s()) && !Leases.PENDING.equals(state.s())) {
            return new Claim.Done();
        }
        return new Claim.Held(leases.heldUntil(job(job), claimed.item(), now));
    }

    @Override
    public boolean addLink(String reference, EmailJob job, String linkHash, Instant leaseUntil) {
        return update(reference, "ADD #hashes :hash", "#job = :sending AND #lease = :ours",
                Map.of("#hashes", EndorsementState.prefix(job.stepId()) + "LinkHashes", "#job", job.attribute(), "#lease", job(job).leaseUntil()),
                Map.of(":hash", AttributeValue.fromSs(List.of(linkHash)), ":sending", s(Leases.SENDING), ":ours", n(leaseUntil.toEpochMilli())),
                "keep the link of " + what(reference, job));
    }

    @Override
    public void markSent(String reference, EmailJob job, String messageId, Instant at) {
        leases.finish(key(reference), job(job), Optional.empty(), ApplicationItem.SENT,
                Map.of(job.attribute() + "SentAt", s(at.toString()), job.attribute() + "MessageId", s(messageId)), what(reference, job));
        settle(reference, job);
    }

    @Override
    public void markNotSent(String reference, EmailJob job, Instant leaseUntil, String state, String reason) {
        if (leases.finish(key(reference), job(job), Optional.of(leaseUntil), state, Map.of(job(job).error(), s(reason)), what(reference, job)).isPresent()) {
            settle(reference, job);
        }
    }

    @Override
    public void release(String reference, EmailJob job, Instant leaseUntil, String reason) {
        leases.release(key(reference), job(job), leaseUntil, reason, what(reference, job));
    }

    @Override
    public boolean countEmailToAddress(String reference, EmailJob job, String addressKey, LocalDate day, int cap) {
        return new DailyEmailCounts(dynamoDb, table).count(reference, job.attribute() + "Cap", addressKey, day, cap) == CapDecision.WITHIN_CAP;
    }

    /** Off the due list; and off the needs-email index once nothing is due and the application's own two emails are settled. */
    private void settle(String reference, EmailJob job) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.updateItem(b -> b.tableName(table).key(key(reference)).updateExpression("DELETE #due :job")
                    .expressionAttributeNames(Map.of("#due", DUE)).expressionAttributeValues(Map.of(":job", jobs(List.of(job))))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes();
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not settle " + what(reference, job), e);
        }
        if (!item.containsKey(DUE) && ApplicationItem.settled(item, Recipient.STAFF) && ApplicationItem.settled(item, Recipient.APPLICANT)) {
            applications.finishIfAllSent(reference);
        }
    }

    private static final java.util.regex.Pattern STEP_STATE = java.util.regex.Pattern.compile("endorsement([A-Z][a-z]*)State");

    /** Every step an item records, whichever fund it is of: each step's attributes are named after it. */
    static Map<String, EndorsementState.Step> steps(Map<String, AttributeValue> item) {
        Map<String, EndorsementState.Step> steps = new java.util.TreeMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            java.util.regex.Matcher matcher = STEP_STATE.matcher(attribute.getKey());
            if (!matcher.matches()) {
                continue;
            }
            String stepId = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
            String p = EndorsementState.prefix(stepId);
            steps.put(stepId, new EndorsementState.Step(stepId, EndorsementState.Status.fromStored(attribute.getValue().s()),
                    Instant.parse(item.get(p + "RequestedAt").s()), Instant.ofEpochSecond(Long.parseLong(item.get(p + "LinkExpires").n())),
                    instant(item, p + "RemindedAt"), instant(item, p + "AnsweredAt"),
                    Optional.ofNullable(item.get(p + "Statement")).map(AttributeValue::s),
                    item.containsKey(p + "LinkHashes") ? Set.copyOf(item.get(p + "LinkHashes").ss()) : Set.of()));
        }
        return steps;
    }

    private EndorsementState state(Map<String, AttributeValue> item) {
        Application application = ApplicationItem.from(item);
        List<String> stepIds = catalogue.fund(application.fundId()).flatMap(Fund::endorsement)
                .map(e -> e.steps().stream().map(Endorsement.Step::id).toList()).orElse(List.of());
        Map<String, EndorsementState.Step> steps = steps(item);
        List<EmailJob> due = new ArrayList<>();
        if (item.containsKey(DUE)) {
            // In the steps' order, each step's request before its reminder and staff's note, the applicant's last.
            for (String stepId : stepIds) {
                for (EmailJob.Kind kind : List.of(EmailJob.Kind.STAFF, EmailJob.Kind.REQUEST, EmailJob.Kind.REMINDER)) {
                    EmailJob job = new EmailJob(stepId, kind);
                    if (item.get(DUE).ss().contains(job.attribute())) {
                        due.add(job);
                    }
                }
            }
            if (item.get(DUE).ss().contains(EmailJob.applicant().attribute())) {
                due.add(EmailJob.applicant());
            }
        }
        return new EndorsementState(application, steps, due);
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Instant.parse(v.s()));
    }

    /** One conditional update: true when made, false when its condition did not hold. */
    private boolean update(String reference, String expression, String condition, Map<String, String> names, Map<String, AttributeValue> values,
            String what) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(reference)).updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not " + what, e);
        }
    }

    private static AttributeValue jobs(List<EmailJob> jobs) {
        return AttributeValue.fromSs(jobs.stream().map(EmailJob::attribute).distinct().toList());
    }

    private static String what(String reference, EmailJob job) {
        return "the " + job + " email of " + reference;
    }

    private static Map<String, AttributeValue> key(String reference) {
        return Map.of(ApplicationTable.KEY, s(ApplicationTable.APPLICATION_PREFIX + reference));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
