package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.endorse.EndorsementService;
import uk.opcc.funding.function.log.Log;

/**
 * Run every hour by its schedule: each waiting endorsement's one reminder, never after its round's
 * deadline, and each step whose link expired marked so, with staff and the applicant told (see
 * {@link EndorsementService#sweep}). Fails the run when an email failed, so the alarm says so; the
 * next run, or the resend, sends it.
 */
public final class EndorsementReminderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** A query per round that can hold a waiting step, and an email per reminder. */
    public static final int TIMEOUT_SECONDS = 120;

    private final EndorsementService service;

    public EndorsementReminderHandler() {
        this(Wiring.packaged(System.getenv()).endorsementService());
    }

    public EndorsementReminderHandler(EndorsementService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Supplier<Duration> remaining = context == null ? () -> Duration.ofSeconds(TIMEOUT_SECONDS)
                : () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        EndorsementService.Swept swept = service.sweep(remaining);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reminded", swept.reminded());
        report.put("expired", swept.expired());
        report.put("emails", swept.emails().stream().map(s -> s.job() + " " + s.delivery()).toList());
        Log.info("endorsement-sweep", report);
        RuntimeException first = null;
        for (EndorsementService.Sent sent : swept.emails()) {
            if (sent.error() != null) {
                Log.error("endorsement-email-failed", Map.of("email", sent.job().toString()), sent.error());
                first = first == null ? sent.error() : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return report;
    }
}
