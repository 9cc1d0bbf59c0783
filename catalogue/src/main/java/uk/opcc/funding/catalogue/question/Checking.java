package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a check needs beyond the answer, passed in so a fixed clock tests every boundary.
 *
 * @param cap   the most that may be asked for (the call's, else the form's or fund's); empty for no cap
 * @param today the applicant's today, in UK time
 */
public record Checking(Optional<BigDecimal> cap, LocalDate today) {
}
