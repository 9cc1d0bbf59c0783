package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CallStatusTest {

    // Opens in winter (GMT), closes in summer (BST): both offsets are exercised.
    private static final ZonedDateTime OPENS = LocalDateTime.parse("2027-02-01T09:00").atZone(Catalogue.UK);
    private static final ZonedDateTime CLOSES = LocalDateTime.parse("2027-04-30T17:00").atZone(Catalogue.UK);
    private static final Call CALL = new Call("road-safety", "calls/road-safety.html", "Road safety",
            "property-fund", "Road safety", "Summary", OPENS, CLOSES, new BigDecimal("2500"), false,
            Path.of("content/calls/road-safety.md"), java.util.Optional.empty());

    @Test
    void isUpcomingAMinuteBeforeOpening() {
        assertThat(CALL.statusAt(OPENS.minusMinutes(1).toInstant())).isEqualTo(CallStatus.UPCOMING);
    }

    @Test
    void isOpenAtTheMomentOfOpening() {
        assertThat(CALL.statusAt(OPENS.toInstant())).isEqualTo(CallStatus.OPEN);
    }

    @Test
    void isOpenAMinuteBeforeTheLastWeek() {
        assertThat(CALL.statusAt(CLOSES.minusDays(7).minusMinutes(1).toInstant())).isEqualTo(CallStatus.OPEN);
    }

    @Test
    void isClosingSoonSevenDaysBeforeClosing() {
        assertThat(CALL.statusAt(CLOSES.minusDays(7).toInstant())).isEqualTo(CallStatus.CLOSING_SOON);
    }

    @Test
    void isClosingSoonAMinuteBeforeClosing() {
        CallStatus status = CALL.statusAt(CLOSES.minusMinutes(1).toInstant());
        assertThat(status).isEqualTo(CallStatus.CLOSING_SOON);
        assertThat(status.acceptsApplications()).isTrue();
    }

    @Test
    void isClosedAtTheMomentOfClosing() {
        CallStatus status = CALL.statusAt(CLOSES.toInstant());
        assertThat(status).isEqualTo(CallStatus.CLOSED);
        assertThat(status.acceptsApplications()).isFalse();
    }

    @Test
    void readsCallTimesAsUkTimeAcrossTheClockChange() {
        // 17:00 on 30 April 2027 is British Summer Time: 16:00 UTC.
        assertThat(CLOSES.toInstant()).isEqualTo(Instant.parse("2027-04-30T16:00:00Z"));
        assertThat(OPENS.toInstant()).isEqualTo(Instant.parse("2027-02-01T09:00:00Z"));
    }
}
