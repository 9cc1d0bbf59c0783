package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.endorse.EndorsementService;
import uk.opcc.funding.function.http.EndorsementPages;
import uk.opcc.funding.function.http.HttpEvents;
import uk.opcc.funding.function.http.OriginCheck;
import uk.opcc.funding.function.http.RequestBody;
import uk.opcc.funding.function.http.Responses;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.log.Log;

/**
 * An endorser's page: {@code GET /api/endorsements?link=…} shows what the emailed link opens;
 * {@code POST /api/endorsements} (a form post: {@code link}, {@code choice}, {@code statement})
 * records their answer and answers {@code 303} back to the page, so Back or a reload never posts it
 * again, or {@code 422} with the page and its problems. Every request must carry CloudFront's
 * {@link OriginCheck#HEADER}. No page is cached anywhere, and none sends the address on as a referrer.
 */
public final class EndorsementHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** A page's read and write, and the emails an answer makes due (each within SES's and DynamoDB's call timeouts). */
    public static final int TIMEOUT_SECONDS = 30;
    static final String RECORDED = "recorded";

    private final EndorsementService service;
    private final EndorsementPages pages;
    private final OriginCheck origin;

    public EndorsementHandler() {
        this(Wiring.packaged(System.getenv()).endorsements());
    }

    public EndorsementHandler(Wiring.Endorsements endorsements) {
        this.service = endorsements.service();
        this.pages = endorsements.pages();
        this.origin = endorsements.origin();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        Supplier<Duration> remaining = context == null ? () -> Duration.ofSeconds(TIMEOUT_SECONDS)
                : () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        try {
            if (!origin.admits(HttpEvents.header(event, OriginCheck.HEADER))) {
                Log.info("not-through-cloudfront", Map.of("requestId", requestId));
                return Responses.notThroughTheSite();
            }
            if (HttpEvents.isGet(event)) {
                Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
                EndorsementService.View view = service.open(query.get("link"));
                EndorsementPages.Page page = view instanceof EndorsementService.View.Answered answered && query.containsKey(RECORDED)
                        ? pages.recorded(answered) : pages.page(view);
                return page(page);
            }
            RequestBody.Parsed body = RequestBody.parse(HttpEvents.header(event, "content-type"), HttpEvents.header(event, "accept"), event.getBody(),
                    event.getIsBase64Encoded());
            if (body.kind() != RequestBody.Kind.FORM) {
                return page(pages.page(new EndorsementService.View.NotALink()), 415);
            }
            String link = first(body.fields(), "link");
            EndorsementService.Result result = service.answer(link, first(body.fields(), "choice"), first(body.fields(), "statement"), remaining);
            if (result instanceof EndorsementService.Result.Recorded recorded) {
                Log.info("endorsement-recorded", Map.of("requestId", requestId, "reference", recorded.view().state().application().reference(),
                        "step", recorded.view().step().id(), "emails", recorded.emails().stream().map(s -> s.job() + " " + s.delivery()).toList()));
                recorded.emails().stream().filter(s -> s.error() != null)
                        .forEach(s -> Log.error("endorsement-email-failed", Map.of("requestId", requestId, "email", s.job().toString()), s.error()));
                Map<String, String> headers = new LinkedHashMap<>(Map.of("Location", EndorsementPages.PATH + "?link=" + link + "&" + RECORDED + "=1",
                        "Cache-Control", "no-store", "Referrer-Policy", "no-referrer"));
                return APIGatewayV2HTTPResponse.builder().withStatusCode(303).withHeaders(headers).build();
            }
            if (result instanceof EndorsementService.Result.Invalid invalid) {
                return page(pages.invalid(invalid));
            }
            return page(pages.page(((EndorsementService.Result.NotRecorded) result).view()));
        } catch (RequestBody.Rejected e) {
            return page(pages.page(new EndorsementService.View.NotALink()), e.status());
        } catch (StorageUnavailableException e) {
            Log.error("storage-unavailable", Map.of("requestId", requestId), e);
            return page(pages.unavailable());
        } catch (RuntimeException e) {
            Log.error("unexpected", Map.of("requestId", requestId), e);
            return page(pages.unavailable());
        }
    }

    private static APIGatewayV2HTTPResponse page(EndorsementPages.Page page) {
        return page(page, page.status());
    }

    private static APIGatewayV2HTTPResponse page(EndorsementPages.Page page, int status) {
        // A page answering a post with its problems stays in the browser's history, so Back to it never asks to post again.
        APIGatewayV2HTTPResponse response = status == 422 ? Responses.formPage(status, page.html()) : Responses.page(status, page.html());
        // The address carries the link: never sent on to another site.
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        return response;
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }
}
