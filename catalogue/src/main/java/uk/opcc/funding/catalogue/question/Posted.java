package uk.opcc.funding.catalogue.question;

import java.util.List;

/** An answer as it came in a post, before it is checked. */
public sealed interface Posted {
    /** The values to check: what was typed or chosen. */
    List<String> values();

    /** Typed or chosen values, as sent. */
    record Values(List<String> values) implements Posted {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** A date's three boxes that make no date (31 2 2027, or 3 in the year box), kept as typed to be shown again. */
    record DateParts(String day, String month, String year) implements Posted {
        /** As the applicant typed it, to be refused as not a date: 31/2/2027. */
        @Override
        public List<String> values() {
            return List.of(day + "/" + month + "/" + year);
        }
    }
}
