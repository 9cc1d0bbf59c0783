package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCheckTest {
    private static final Call CALL = new Call("road-safety", "calls/road-safety.html", "Road safety", "property-fund",
            "Road safety", "Summary", uk("2026-11-02T09:00"), uk("2027-01-29T17:00"), new BigDecimal("2500"), false,
            Path.of("content/calls/road-safety.md"), Optional.empty());
    private static final PanelRound Q3 = new PanelRound("2026-27-Q3", uk("2026-12-11T17:00"), LocalDate.parse("2027-01-29"), true);
    private static final PanelRound Q4 = new PanelRound("2026-27-Q4", uk("2027-03-12T17:00"), LocalDate.parse("2027-04-30"), true);
    private static final Fund FUND = new Fund("property-fund", "Property Fund", FundStatus.OPEN, "Grants.",
            Optional.of(new BigDecimal("2500")), "Up to £2,500", List.of("Schools"), "Four times a year.", Optional.empty(),
            List.of(Q3, Q4), 7, Optional.empty(), Optional.empty());
    private static final Catalogue CATALOGUE = new Catalogue(List.of(FUND), List.of(CALL), List.of());
    /** The site as deployed by a bake on 24 November 2026: the call open, the December round next. */
    private static final String DEPLOYED = CatalogueJson.write(CATALOGUE, Instant.parse("2026-11-24T12:00:00Z"));

    private static java.time.ZonedDateTime uk(String local) {
        return LocalDateTime.parse(local).atZone(Catalogue.UK);
    }

    private static List<String> at(String instant) {
        return StatusCheck.differences(CATALOGUE, DEPLOYED, Instant.parse(instant));
    }

    @Test
    void answersNoBetweenBoundaries() {
        assertThat(at("2026-11-24T12:00:01Z")).isEmpty();
        assertThat(at("2026-12-11T16:59:59Z")).isEmpty();
    }

    @Test
    void answersYesExactlyWhenAPanelDeadlinePasses() {
        assertThat(at("2026-12-11T17:00:00Z")).containsExactly("fund property-fund: next panel round 2026-27-Q3 -> 2026-27-Q4");
    }

    @Test
    void answersYesExactlyWhenACallEntersItsLastWeekAndWhenItCloses() {
        String deployedInJanuary = CatalogueJson.write(CATALOGUE, Instant.parse("2027-01-20T12:00:00Z"));

        assertThat(StatusCheck.differences(CATALOGUE, deployedInJanuary, Instant.parse("2027-01-22T16:59:59Z"))).isEmpty();
        assertThat(StatusCheck.differences(CATALOGUE, deployedInJanuary, Instant.parse("2027-01-22T17:00:00Z")))
                .containsExactly("call road-safety: open -> closing-soon");
        String deployedInLastWeek = CatalogueJson.write(CATALOGUE, Instant.parse("2027-01-25T12:00:00Z"));
        assertThat(StatusCheck.differences(CATALOGUE, deployedInLastWeek, Instant.parse("2027-01-29T16:59:59Z"))).isEmpty();
        assertThat(StatusCheck.differences(CATALOGUE, deployedInLastWeek, Instant.parse("2027-01-29T17:00:00Z")))
                .containsExactly("call road-safety: closing-soon -> closed");
    }

    @Test
    void answersYesExactlyWhenACallOpens() {
        Call upcoming = new Call("later", "calls/later.html", "Later", "property-fund", "Theme", "Summary",
                uk("2027-02-01T09:00"), uk("2027-03-01T17:00"), new BigDecimal("1000"), false, Path.of("content/calls/later.md"), Optional.empty());
        Catalogue catalogue = new Catalogue(List.of(FUND), List.of(CALL, upcoming), List.of());
        String deployed = CatalogueJson.write(catalogue, Instant.parse("2027-01-31T12:00:00Z"));

        assertThat(StatusCheck.differences(catalogue, deployed, Instant.parse("2027-02-01T08:59:59Z"))).isEmpty();
        assertThat(StatusCheck.differences(catalogue, deployed, Instant.parse("2027-02-01T09:00:00Z")))
                .containsExactly("call later: upcoming -> open");
    }

    @Test
    void answersYesWhenTheDeployedSiteLacksACallOrCannotBeRead() {
        Catalogue withoutCall = new Catalogue(List.of(FUND), List.of(), List.of());
        String deployedWithoutCall = CatalogueJson.write(withoutCall, Instant.parse("2026-11-24T12:00:00Z"));

        assertThat(StatusCheck.differences(CATALOGUE, deployedWithoutCall, Instant.parse("2026-11-24T12:00:01Z")))
                .containsExactly("call road-safety is not on the deployed site");
        assertThat(StatusCheck.differences(withoutCall, DEPLOYED, Instant.parse("2026-11-24T12:00:01Z")))
                .containsExactly("call road-safety is no longer published");
        assertThat(at("2026-11-24T12:00:01Z")).isEmpty();
        assertThat(StatusCheck.differences(CATALOGUE, "", Instant.parse("2026-11-24T12:00:01Z")))
                .containsExactly("the deployed catalogue could not be read");
        assertThat(StatusCheck.differences(CATALOGUE, "<html>Not found</html>", Instant.parse("2026-11-24T12:00:01Z")))
                .containsExactly("the deployed catalogue could not be read");
    }
}
