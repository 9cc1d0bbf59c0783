package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.http.RequestBody;
import uk.opcc.funding.function.http.Responses;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.storage.StorageUnavailableException;

/**
 * {@code POST /api/forms/{formId}/submissions}: read the body, submit it, answer.
 * {@code GET /api/forms/{formId}/confirmation?reference=…}: the confirmation page, with the reference.
 */
public final class IntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final IntakeService service;
    private final FormPages pages;

    /** For Lambda: everything built once, at start-up, from the environment. */
    public IntakeHandler() {
        this(Wiring.intake(System.getenv()));
    }

    public IntakeHandler(Wiring.Intake intake) {
        this(intake.service(), intake.pages());
    }

    public IntakeHandler(IntakeService service, FormPages pages) {
        this.service = service;
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        String formId = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("formId", "");
        if (isGet(event)) {
            String reference = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("reference");
            return pages.confirmation(formId, reference).map(page -> Responses.page(200, page))
                    .orElseGet(() -> Responses.problem(RequestBody.Kind.FORM, 404, "Check the address of the page.", List.of()));
        }
        RequestBody.Kind kind = RequestBody.Kind.JSON;
        try {
            RequestBody.Parsed body = RequestBody.parse(header(event, "content-type"), event.getBody(), event.getIsBase64Encoded());
            kind = body.kind();
            Outcome outcome = service.submit(new Submission(formId, body.fields()));
            log(requestId, outcome);
            if (kind == RequestBody.Kind.FORM && outcome instanceof Outcome.Invalid invalid) {
                Optional<String> page = pages.withProblems(formId, body.fields(), invalid.problems());
                if (page.isPresent()) {
                    return Responses.page(422, page.get());
                }
            }
            return respond(kind, outcome);
        } catch (RequestBody.Rejected e) {
            Log.info("rejected", Map.of("requestId", requestId, "formId", formId, "status", e.status()));
            return Responses.problem(e.kind(), e.status(), e.getMessage(), List.of());
        } catch (StorageUnavailableException e) {
            Log.error("storage-unavailable", Map.of("requestId", requestId, "formId", formId), e);
            return Responses.problem(kind, 503, "Your application has not been saved. Please try again in a few minutes.", List.of());
        } catch (RuntimeException e) {
            Log.error("unexpected", Map.of("requestId", requestId, "formId", formId), e);
            return Responses.problem(kind, 500, "Your application has not been saved. Please try again later, or contact us.", List.of());
        }
    }

    private static APIGatewayV2HTTPResponse respond(RequestBody.Kind kind, Outcome outcome) {
        if (outcome instanceof Outcome.Accepted a) {
            return Responses.accepted(kind, a.formId(), a.reference(), a.receivedAt());
        }
        if (outcome instanceof Outcome.Ignored i) {
            return Responses.accepted(kind, i.formId(), i.reference(), i.receivedAt());
        }
        if (outcome instanceof Outcome.Invalid i) {
            return Responses.problem(kind, 422, "Correct the answers listed and send the application again.", i.problems());
        }
        if (outcome instanceof Outcome.NotOpen n) {
            return Responses.problem(kind, 410, n.reason(), List.of());
        }
        return Responses.problem(kind, 404, "Check the address of the form.", List.of());
    }

    private static void log(String requestId, Outcome outcome) {
        if (outcome instanceof Outcome.Accepted a) {
            Log.info("accepted", Map.of("requestId", requestId, "formId", a.formId(), "reference", a.reference()));
        } else if (outcome instanceof Outcome.Ignored i) {
            Log.count("HoneypotCaught", i.formId());
        } else if (outcome instanceof Outcome.Invalid i) {
            Log.info("invalid", Map.of("requestId", requestId, "formId", i.formId(),
                    "problems", i.problems().stream().map(p -> p.field() + ":" + p.code()).toList()));
        } else if (outcome instanceof Outcome.NotOpen n) {
            Log.info("not-open", Map.of("requestId", requestId, "formId", n.formId()));
        } else {
            Log.info("unknown-form", Map.of("requestId", requestId));
        }
    }

    private static boolean isGet(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context != null && context.getHttp() != null && "GET".equals(context.getHttp().getMethod());
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        return event.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
