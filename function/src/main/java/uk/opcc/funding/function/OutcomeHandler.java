package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.log.Log;
import uk.opcc.funding.function.outcome.OutcomeService;

/**
 * Invoked by the deploy workflow after each deploy (any event): sends the outcome emails of every
 * final decision the build packaged, each once, and each decision's staff summary once they are
 * all settled. Answers what it did; {@code complete} is false while anything is left for another
 * run (the workflow invokes it again). An email that failed is thrown after the others are tried,
 * so the invocation reports the failure; the next run sends it.
 */
public final class OutcomeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The function's timeout, as the stack sets it; a run leaves what it has no time for to the next. */
    public static final int TIMEOUT_SECONDS = 300;
    public static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private final OutcomeService service;

    /** For Lambda: everything built once, at start-up, from the environment. */
    public OutcomeHandler() {
        this(Wiring.packaged(System.getenv()).outcomeService());
    }

    public OutcomeHandler(OutcomeService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        Supplier<Duration> remaining = context == null ? () -> TIMEOUT : () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        List<OutcomeService.DecisionResult> results = service.sendAll(remaining);
        Map<String, Object> answer = report(results, requestId);
        // Thrown once everything is logged, so the invocation counts as an error and the alarm says so.
        results.stream().flatMap(r -> r.errors().stream()).findFirst().ifPresent(e -> {
            throw e;
        });
        return answer;
    }

    /** Logs and answers what a run did (the resend's answer carries it too); a failure is logged, and left for the next run. */
    public static Map<String, Object> report(List<OutcomeService.DecisionResult> results, String requestId) {
        List<String> refused = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long sent = 0;
        for (OutcomeService.DecisionResult result : results) {
            String file = result.decision().file();
            sent += result.sent();
            for (OutcomeService.EntryResult entry : result.entries()) {
                Map<String, String> fields = Map.of("requestId", requestId, "decision", file, "reference", entry.entry().reference(),
                        "result", entry.result().name());
                if (entry.result().refused()) {
                    // A mistake in the decision file, not a fault: the staff summary says so, and the log names it
                    // (no made-up stack trace, and the local preview's console words it itself).
                    Log.info("outcome-refused", fields);
                    refused.add(file + ": " + entry.line());
                } else if (!entry.result().settled()) {
                    left.add(file + ": " + entry.line());
                }
                if (entry.result() == OutcomeService.Result.SENT) {
                    Log.info("outcome-sent", fields);
                }
            }
            for (RuntimeException e : result.errors()) {
                Log.error("outcome-failed", Map.of("requestId", requestId, "decision", file), e);
            }
            lines.add(file + ": " + (result.doneBefore() ? "done before" : result.sent() + " sent now"
                    + (result.summarySent() ? ", staff summary sent" : result.settled() ? "" : ", not finished")));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("complete", results.stream().allMatch(OutcomeService.DecisionResult::settled));
        answer.put("emailsSent", sent);
        answer.put("decisions", lines);
        answer.put("refused", refused);
        answer.put("left", left);
        return answer;
    }
}
