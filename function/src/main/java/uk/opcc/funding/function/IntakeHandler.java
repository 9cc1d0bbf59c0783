package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Core;
import uk.opcc.funding.function.log.Log;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.function.http.ConfirmationCookie;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.http.HttpEvents;
import uk.opcc.funding.function.http.OriginCheck;
import uk.opcc.funding.function.http.RequestBody;
import uk.opcc.funding.function.http.Responses;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.secrets.IntakeSecrets;
import uk.opcc.funding.function.intake.StorageUnavailableException;

/**
 * {@code POST /api/forms/{formId}/submissions}: read the body, submit it, answer.
 * {@code POST /api/forms/{formId}/sections}: the next page of the form, for a browser without JavaScript.
 * {@code GET /api/forms/{formId}/confirmation}: the confirmation page, shown only for the token the
 * intake signed for that submission and set in its confirmation cookie.
 * Every request must carry CloudFront's {@link OriginCheck#HEADER}.
 */
public final class IntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final IntakeService service;
    private final FormPages pages;
    private final Responses responses;
    private final ConfirmationToken tokens;
    private final OriginCheck origin;
    /** Held so they stay registered: CRaC keeps only weak references to its resources. */
    private final Priming priming;
    private final IntakeSecrets secrets;

    /**
     * For Lambda: everything built once, at start-up, from the environment. With SnapStart, the
     * priming runs once more before the snapshot is taken (a no-op anywhere without CRaC).
     */
    public IntakeHandler() {
        this(Wiring.packaged(System.getenv()).intake());
        // Priming before the snapshot; the secrets wiped before it and read after the restore (IntakeSecrets).
        Core.getGlobalContext().register(priming);
        Core.getGlobalContext().register(secrets);
    }

    public IntakeHandler(Wiring.Intake intake) {
        this(intake.service(), intake.pages(), intake.tokens(), intake.origin(), intake.priming(), intake.secrets());
    }

    /** For tests of everything after the origin check. */
    public IntakeHandler(IntakeService service, FormPages pages, ConfirmationToken tokens) {
        this(service, pages, tokens, OriginCheck.none(), null, null);
    }

    private IntakeHandler(IntakeService service, FormPages pages, ConfirmationToken tokens, OriginCheck origin, Priming priming,
            IntakeSecrets secrets) {
        this.service = service;
        this.pages = pages;
        this.responses = new Responses(pages);
        this.tokens = tokens;
        this.origin = origin;
        this.priming = priming;
        this.secrets = secrets;
    }

    /**
     * The one catch-all: whatever a route meets that its own handling did not expect (a signed token
     * with a broken field, a page that cannot be drawn) answers with the site's 500 page or problem,
     * logged with the request id; never a dropped connection.
     */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        try {
            return handle(event, requestId);
        } catch (RuntimeException e) {
            Log.error("unexpected", Map.of("requestId", requestId), e);
            String accept = HttpEvents.header(event, "accept");
            RequestBody.Kind kind = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html")
                    ? RequestBody.Kind.FORM : RequestBody.Kind.JSON;
            return responses.problem(kind, 500, "Sorry, something went wrong. Please try again later, or contact us.", List.of());
        }
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, String requestId) {
        String formId = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("formId", "");
        if (!origin.admits(HttpEvents.header(event, OriginCheck.HEADER))) {
            Log.info("not-through-cloudfront", Map.of("requestId", requestId));
            return Responses.notThroughTheSite();
        }
        if (HttpEvents.isGet(event)) {
            return confirmation(formId, ConfirmationCookie.read(event.getCookies()));
        }
        RequestBody.Kind kind = RequestBody.Kind.JSON;
        Map<String, List<String>> fields = Map.of();
        try {
            RequestBody.Parsed body = RequestBody.parse(HttpEvents.header(event, "content-type"), HttpEvents.header(event, "accept"), event.getBody(),
                    event.getIsBase64Encoded());
            kind = body.kind();
            fields = body.fields();
            if (isSections(event)) {
                return sections(requestId, formId, body);
            }
            Outcome outcome = service.submit(new Submission(formId, body.fields()));
            log(requestId, outcome);
            if (kind == RequestBody.Kind.FORM && outcome instanceof Outcome.Invalid invalid) {
                Optional<String> page = pages.withProblems(formId, body.fields(), invalid.problems());
                if (page.isPresent()) {
                    return Responses.formPage(422, page.get());
                }
            }
            return respond(kind, outcome, answers(kind, formId, fields));
        } catch (RequestBody.Rejected e) {
            Log.info("rejected", Map.of("requestId", requestId, "formId", formId, "status", e.status()));
            return responses.problem(e.kind(), e.status(), e.getMessage(), List.of());
        } catch (StorageUnavailableException e) {
            Log.error("storage-unavailable", Map.of("requestId", requestId, "formId", formId), e);
            return responses.problem(kind, 503, "Your application has not been saved. Please try again in a few minutes.", List.of(),
                    answers(kind, formId, fields));
        } catch (RuntimeException e) {
            Log.error("unexpected", Map.of("requestId", requestId, "formId", formId), e);
            return responses.problem(kind, 500, "Your application has not been saved. Please try again later, or contact us.", List.of(),
                    safeAnswers(kind, formId, fields));
        }
    }

    /** Between the form's pages: the page to show next, every answer carried in the form; nothing stored. */
    private APIGatewayV2HTTPResponse sections(String requestId, String formId, RequestBody.Parsed body) {
        if (body.kind() != RequestBody.Kind.FORM) {
            return responses.problem(body.kind(), 415, "Send the answers as application/x-www-form-urlencoded.", List.of());
        }
        Submission submission = new Submission(formId, body.fields());
        Outcome outcome = service.move(submission, first(body, Submission.SECTION), first(body, Submission.GO));
        if (outcome instanceof Outcome.Moved moved) {
            Optional<String> page = pages.render(formId, body.fields(), moved.problems(), new FormHtml.Step(moved.show(), moved.then()));
            if (page.isPresent()) {
                return Responses.formPage(moved.problems().isEmpty() ? 200 : 422, page.get());
            }
            return responses.problem(body.kind(), 404, "Check the address of the form.", List.of());
        }
        log(requestId, outcome);
        return respond(body.kind(), outcome, answers(body.kind(), formId, body.fields()));
    }

    private static String first(RequestBody.Parsed body, String name) {
        List<String> values = body.fields().getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    /** For a person whose application could not be taken, their answers shown back: never thrown away unseen. */
    private String answers(RequestBody.Kind kind, String formId, Map<String, List<String>> fields) {
        return kind == RequestBody.Kind.FORM ? pages.answers(formId, fields) : "";
    }

    /** The same, when something has already gone wrong: a failure here still leaves the error page. */
    private String safeAnswers(RequestBody.Kind kind, String formId, Map<String, List<String>> fields) {
        try {
            return answers(kind, formId, fields);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Only a token this intake signed, unaltered and in date, shows a reference; anything else says it cannot. */
    private APIGatewayV2HTTPResponse confirmation(String formId, String token) {
        ConfirmationToken.Checked checked = tokens.check(token, formId);
        Optional<String> page = checked.claims().flatMap(claims -> pages.confirmation(claims, service.confirmed(claims)));
        if (page.isPresent()) {
            return Responses.page(200, page.get());
        }
        Log.info("confirmation-refused", Map.of("formId", formId, "why", checked.refusal() == null ? "no page" : checked.refusal().name()));
        return responses.cannotConfirm(checked.refusal() == ConfirmationToken.Refusal.EXPIRED);
    }

    private APIGatewayV2HTTPResponse respond(RequestBody.Kind kind, Outcome outcome, String answers) {
        if (outcome instanceof Outcome.Accepted a) {
            return Responses.accepted(kind, a.formId(), tokens.issue(a.reference(), a.formId(), a.callId(), a.receivedAt()), a.reference(), a.receivedAt());
        }
        if (outcome instanceof Outcome.Ignored i) {
            return Responses.accepted(kind, i.formId(), tokens.issue(i.reference(), i.formId(), i.callId(), i.receivedAt()), i.reference(), i.receivedAt());
        }
        if (outcome instanceof Outcome.Invalid i) {
            return responses.problem(kind, 422, "Correct the answers listed and send the application again.", i.problems());
        }
        if (outcome instanceof Outcome.NotOpen n) {
            return responses.problem(kind, 410, n.reason(), List.of(), answers);
        }
        return responses.problem(kind, 404, "Check the address of the form.", List.of());
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

    private static boolean isSections(APIGatewayV2HTTPEvent event) {
        String route = event.getRouteKey() != null ? event.getRouteKey() : event.getRawPath();
        return route != null && route.endsWith("/sections");
    }
}
