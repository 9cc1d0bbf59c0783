package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import uk.opcc.funding.function.log.Log;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.panel.UnknownRoundException;

/**
 * Invoked by the round's one-time schedule with {@code {"fundId": ..., "roundId": ...}}: sends
 * that fund's panel pack for that round, once. A failure is thrown, so Lambda retries the
 * invocation; the pack's claim was given back, so the retry sends it.
 */
public final class PanelPackHandler implements RequestHandler<Map<String, String>, Map<String, Object>> {
    /**
     * The function's timeout, as the stack sets it: one query and one email a round, SES retries
     * included. A constant the compiler copies into the CDK app, which so never loads this class.
     */
    public static final int TIMEOUT_SECONDS = 60;
    public static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private final PanelPackService service;

    /** For Lambda: everything built once, at start-up, from the environment. */
    public PanelPackHandler() {
        this(Wiring.packaged(System.getenv()).panelPackService());
    }

    public PanelPackHandler(PanelPackService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, String> event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        String fundId = event == null ? null : event.get("fundId");
        String roundId = event == null ? null : event.get("roundId");
        Map<String, String> fields = Map.of("requestId", requestId, "fundId", String.valueOf(fundId), "roundId", String.valueOf(roundId));
        try {
            PanelPackService.Result result = service.send(fundId, roundId);
            if (result.status() == PanelPackService.Status.IN_PROGRESS) {
                // Another attempt holds the claim; if it crashed, the claim lapses before Lambda's last retry of this one.
                throw new IllegalStateException("Another attempt is sending this round's pack");
            }
            Log.info("panel-pack-" + result.status().name().toLowerCase().replace('_', '-'), fields);
            return Map.of("status", result.status().name(), "applications", result.applications());
        } catch (UnknownRoundException e) {
            // A retry would fail the same way: say why and stop.
            Log.error("panel-pack-unknown-round", fields, e);
            return Map.of("status", "UNKNOWN_ROUND", "problem", e.getMessage());
        } catch (RuntimeException e) {
            Log.error("panel-pack-failed", fields, e);
            throw e;
        }
    }
}
