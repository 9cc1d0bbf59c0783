package uk.opcc.funding.function;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.catalogue.Publisher;

/**
 * The real packaged catalogue (Cumbria's funds), its 2026 clock and a Property Fund application:
 * only for the tests not yet moved onto the fixture funder ({@link Fixtures}); issue 20 removes it.
 */
public final class LegacyFixtures {
    /** The road-safety call (2 Nov 2026 – 29 Jan 2027) is open; the rural-crime call is closed. */
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Catalogue CATALOGUE = Wiring.catalogue();
    public static final ConfirmationToken TOKENS = new ConfirmationToken(Fixtures.CONFIRMATION_KEY.getBytes(StandardCharsets.UTF_8), CLOCK);
    public static final Publisher PUBLISHER = Wiring.publisher();

    private LegacyFixtures() {
    }

    /** Every question on the Property Fund form answered well, as on {@link #NOW}. */
    public static Map<String, List<String>> propertyFundAnswers() {
        return propertyFundAnswers(NOW);
    }

    /**
     * The same answers for another moment, with the project starting 69 days later. Tests on
     * real engines use the real clock: DynamoDB Local deletes items whose expiry has passed.
     */
    public static Map<String, List<String>> propertyFundAnswers(Instant now) {
        java.time.LocalDate today = now.atZone(Catalogue.UK).toLocalDate();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("organisationName", List.of("Eden Valley Speed Watch"));
        answers.put("organisationType", List.of("watch-scheme"));
        answers.put("addressLine1", List.of("1 Market Square"));
        answers.put("town", List.of("Penrith"));
        answers.put("postcode", List.of("ca11 7bs"));
        answers.put("contactName", List.of("Sam Jones"));
        answers.put("email", List.of("sam@example.org"));
        answers.put("phone", List.of("01632 960 001"));
        answers.put("projectTitle", List.of("Speed watch for Langwathby"));
        answers.put("projectDescription", List.of("Volunteers will run speed checks on the A686.\nTwice a week."));
        answers.put("beneficiaries", List.of("1,200"));
        answers.put("objectives", List.of("objective-3", "objective-8"));
        answers.put("outcomes", List.of("Fewer drivers speeding through the village."));
        answers.put("measurement", List.of("Speed counts before and after, reported to the panel."));
        answers.put("amount", List.of("1250.50"));
        answers.put("budget", List.of("Speed gun £900; training £350.50"));
        answers.put("startDate", List.of(today.plusDays(69).toString()));
        answers.put("endDate", List.of(today.plusDays(249).toString()));
        answers.put("officerName", List.of("PCSO Alex Smith"));
        answers.put("officerCollarNumber", List.of("1234"));
        answers.put("officerStation", List.of("Penrith"));
        answers.put("declaration", List.of("yes"));
        return answers;
    }
}
