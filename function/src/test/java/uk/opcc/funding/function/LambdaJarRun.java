package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * Run by {@link LambdaJarIT} in a JVM whose class path is the Lambda jar and this class alone:
 * every handler, built as Lambda builds it (no-argument constructors, settings from the
 * environment), down each of its paths, so a class the jar lacks fails here. It uses nothing
 * the jar does not hold; it prints one {@code RESULT name=value} line per step for the test to check.
 */
public final class LambdaJarRun {
    /** The packaged form the test chose (any form of the content, named by the test, never here). */
    private static String formId;

    /** @param args the answers as JSON, the same as a form post, the form's id, its fund's id and its first question's name */
    public static void main(String[] args) throws Exception {
        formId = args[2];
        String fundId = args[3];
        String unanswered = args[4] + "=";
        // The intake as Lambda builds it, and the priming SnapStart runs before its snapshot.
        IntakeHandler intake = new IntakeHandler();
        Wiring.packaged(System.getenv()).intake().priming().beforeCheckpoint(null);
        result("primed", "yes");

        String json = args[0];
        APIGatewayV2HTTPResponse stored = intake.handleRequest(post("submissions", "application/json", json), null);
        result("json", stored.getStatusCode());
        String reference = (String) CatalogueJson.parse(stored.getBody()).get("reference");
        result("reference", reference);
        result("json-again", intake.handleRequest(post("submissions", "application/json", json), null).getStatusCode());
        result("json-invalid", intake.handleRequest(post("submissions", "application/json", "{}"), null).getStatusCode());
        result("json-malformed", intake.handleRequest(post("submissions", "application/json", "{"), null).getStatusCode());
        result("form-invalid", intake.handleRequest(post("submissions", "application/x-www-form-urlencoded", unanswered), null)
                .getStatusCode());
        result("sections", intake.handleRequest(post("sections", "application/x-www-form-urlencoded", unanswered), null)
                .getStatusCode());
        APIGatewayV2HTTPResponse formStored = intake.handleRequest(post("submissions", "application/x-www-form-urlencoded", args[1]), null);
        result("form", formStored.getStatusCode());
        // The browser sends back the cookie the 303 set (name=value), as API Gateway lists it.
        String cookie = formStored.getCookies().get(0).split(";", 2)[0];
        result("confirmation", intake.handleRequest(confirmation(cookie), null).getStatusCode());
        result("confirmation-forged", intake.handleRequest(confirmation(cookie.substring(0, cookie.indexOf('=') + 1) + "forged"), null).getStatusCode());

        // The notifier, fed the stream record of the stored application, twice (the second finds its emails sent).
        NotifierHandler notifier = new NotifierHandler();
        result("notified", notifier.handleRequest(inserted(reference), null).getBatchItemFailures().size() + " failures");
        result("notified-again", notifier.handleRequest(inserted(reference), null).getBatchItemFailures().size() + " failures");

        // The resend, listing and sending.
        ResendHandler resend = new ResendHandler();
        result("resend-list", resend.handleRequest(Map.of("list", true), null).get("unsent"));
        result("resend", resend.handleRequest(Map.of(), null).get("found"));

        // The outcome emails, from the decisions.json the build packaged (the real source's final decisions, if any).
        result("outcomes", new OutcomeHandler().handleRequest(Map.of(), null).get("complete"));

        // Panel packs: the application's round (an interim pack), a round whose deadline passed (claimed, sent, once), an unknown round.
        Catalogue catalogue = Wiring.catalogue();
        Instant now = Instant.now();
        List<PanelRound> rounds = catalogue.fund(fundId).orElseThrow().panelRounds();
        PanelRound ahead = rounds.stream().filter(r -> r.deadline().toInstant().isAfter(now)).findFirst().orElseThrow();
        PanelPackHandler packs = new PanelPackHandler();
        result("pack-ahead", packs.handleRequest(Map.of("fundId", fundId, "roundId", ahead.id()), null));
        rounds.stream().filter(r -> r.deadline().toInstant().isBefore(now)).findFirst().ifPresent(passed -> {
            result("pack-passed", packs.handleRequest(Map.of("fundId", fundId, "roundId", passed.id()), null));
            result("pack-passed-again", packs.handleRequest(Map.of("fundId", fundId, "roundId", passed.id()), null));
        });
        result("pack-unknown", packs.handleRequest(Map.of("fundId", fundId, "roundId", "no-such-round"), null).get("status"));
        result("done", "yes");
        System.exit(0); // the SDK's clients leave no thread behind, but say so plainly
    }

    private static void result(String name, Object value) {
        System.out.println("RESULT " + name + "=" + value);
    }

    private static APIGatewayV2HTTPEvent post(String route, String contentType, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /api/forms/{formId}/" + route)
                .withRawPath("/api/forms/" + formId + "/" + route)
                .withPathParameters(Map.of("formId", formId))
                .withHeaders(Map.of("content-type", contentType, "content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)))
                .withRequestContext(context("POST"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static APIGatewayV2HTTPEvent confirmation(String cookie) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /api/forms/{formId}/confirmation")
                .withRawPath("/api/forms/" + formId + "/confirmation")
                .withPathParameters(Map.of("formId", formId))
                .withCookies(List.of(cookie))
                .withRequestContext(context("GET"))
                .build();
    }

    private static APIGatewayV2HTTPEvent.RequestContext context(String method) {
        return APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build();
    }

    private static DynamodbEvent inserted(String reference) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withSequenceNumber("1")
                .withKeys(Map.of(ApplicationTable.KEY, new AttributeValue().withS(ApplicationTable.APPLICATION_PREFIX + reference))));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
