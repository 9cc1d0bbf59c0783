package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.function.intake.Application;

/** An application as a DynamoDB item, and back. */
final class ApplicationItem {
    static final String NOTIFICATION = "notification";
    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String SENT = "sent";

    private ApplicationItem() {
    }

    static Map<String, AttributeValue> of(Application application) {
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
        item.put(NOTIFICATION, s(PENDING));
        item.put("notificationAttempts", AttributeValue.fromN("0"));
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

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
