package uk.opcc.funding.function.notify;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.opcc.funding.catalogue.FieldType;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormField;
import uk.opcc.funding.catalogue.Money;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.function.intake.Application;

/** An application's answers and dates as people read them in an email: £1,850.00, 1 February 2027. */
final class Answers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private Answers() {
    }

    /** The answer to one question, as the applicant meant it; "(not answered)" for an optional one left blank. */
    static String of(FormField field, List<String> values) {
        if (values.isEmpty()) {
            return "(not answered)";
        }
        String value = values.get(0);
        return switch (field.type()) {
            case MONEY -> money(value);
            case DATE -> date(value);
            case RADIOS, CHECKBOXES -> String.join("; ", values.stream().map(field::labelOf).toList());
            case DECLARATION -> "Confirmed";
            default -> value;
        };
    }

    static String of(Application application, FormField field) {
        return of(field, application.answers().getOrDefault(field.name(), List.of()));
    }

    /** The first answer to the form's question called {@code name}, if it has one and it was answered. */
    static Optional<String> named(Application application, FormDefinition form, String name) {
        return form.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .flatMap(f -> application.answers().getOrDefault(name, List.of()).stream().findFirst().map(v -> of(f, List.of(v))));
    }

    /** The amount applied for: the form's money question. */
    static Optional<String> amount(Application application, FormDefinition form) {
        return form.fields().stream().filter(f -> f.type() == FieldType.MONEY).findFirst()
                .flatMap(f -> application.answers().getOrDefault(f.name(), List.of()).stream().findFirst().map(Answers::money));
    }

    static String money(String value) {
        try {
            return Money.exact(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static String date(String value) {
        try {
            return DAY.format(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "11 December 2026 at 5pm" */
    static String moment(ZonedDateTime time) {
        String clock = time.getMinute() == 0 ? TIME.format(time).replace(":00", "") : TIME.format(time);
        return DAY.format(time) + " at " + clock.toLowerCase(Locale.UK);
    }

    static String provisional(PanelRound round) {
        return round.provisional() ? " (provisional date, to be confirmed)" : "";
    }
}
