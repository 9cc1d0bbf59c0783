package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.log.Log;
import uk.opcc.funding.function.notify.FailedEmails;
import uk.opcc.funding.function.outcome.OutcomeService;

/**
 * Brings failed emails back, invoked by a person (see the README's "Failed emails"):
 * {@code {"list": true}} lists every application with an email not sent; anything else also
 * sends each missing email once, through the notifier's claim. The answer names references and
 * email states only, never an applicant's answers. A resend also sends the outcome emails of the
 * final decisions that are not all sent (see {@link OutcomeHandler}) and reports them under
 * {@code outcomes}: what was sent, what is refused in a decision file, what is left.
 */
public final class ResendHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final FailedEmails failedEmails;
    private final OutcomeService outcomes;

    public ResendHandler() {
        this(Wiring.packaged(System.getenv()));
    }

    private ResendHandler(Wiring wiring) {
        this(wiring.failedEmails(), wiring.outcomeService());
    }

    public ResendHandler(FailedEmails failedEmails, OutcomeService outcomes) {
        this.failedEmails = failedEmails;
        this.outcomes = outcomes;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (input != null && Boolean.TRUE.equals(input.get("list"))) {
            answer.put("unsent", failedEmails.list().stream().map(u -> u.reference() + " (received " + u.receivedAt() + "): " + u.emails()).toList());
            return answer;
        }
        Supplier<Duration> remaining = context == null
                ? () -> NotifierHandler.TIMEOUT : () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        List<FailedEmails.Resent> results = failedEmails.resend(remaining);
        for (FailedEmails.Resent result : results) {
            Log.info("resend", Map.of("reference", result.reference(), "outcome", result.outcome().deliveries().toString()));
            result.outcome().errors().forEach(e -> Log.error("resend-failed", Map.of("reference", result.reference()), e));
        }
        answer.put("found", results.size());
        answer.put("emailsSent", FailedEmails.sent(results));
        answer.put("stillUnsent", FailedEmails.stillUnsent(results));
        answer.put("applications", results.stream().map(FailedEmails.Resent::line).toList());
        answer.put("outcomes", OutcomeHandler.report(outcomes.sendAll(remaining), context == null ? "local" : context.getAwsRequestId()));
        return answer;
    }
}
