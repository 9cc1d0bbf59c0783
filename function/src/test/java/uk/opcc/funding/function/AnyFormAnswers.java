package uk.opcc.funding.function;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.CheckboxesQuestion;
import uk.opcc.funding.catalogue.question.ChoiceQuestion;
import uk.opcc.funding.catalogue.question.DateQuestion;
import uk.opcc.funding.catalogue.question.DeclarationQuestion;
import uk.opcc.funding.catalogue.question.EmailQuestion;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.question.LongTextQuestion;
import uk.opcc.funding.catalogue.question.MoneyQuestion;
import uk.opcc.funding.catalogue.question.PhoneQuestion;
import uk.opcc.funding.catalogue.question.PostcodeQuestion;
import uk.opcc.funding.catalogue.question.Question;
import uk.opcc.funding.catalogue.question.RadiosQuestion;
import uk.opcc.funding.catalogue.question.TextQuestion;
import uk.opcc.funding.catalogue.question.WholeNumberQuestion;

/**
 * Answers every question of any form well, worked out from the question types alone: for the few
 * tests that run the REAL packaged content and so may not name its forms or fields. Behaviour
 * tests use the fixture funder's own answers ({@link Fixtures#answers()}) instead.
 */
public final class AnyFormAnswers {
    private AnyFormAnswers() {
    }

    /** Every question answered, as on {@code today}: dates start a month on and end four months on. */
    public static Map<String, List<String>> of(FormDefinition form, LocalDate today) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            answers.put(field.name(), List.of(answer(field.question(), today)));
        }
        return answers;
    }

    /**
     * A form of {@code catalogue} that takes applications now, its fund with a panel round still
     * ahead of {@code now}; a form in sections first, so the sections route has pages to check.
     */
    public static FormDefinition anOpenForm(Catalogue catalogue, Instant now) {
        return catalogue.funds().stream().filter(f -> f.acceptsApplications() && catalogue.formFor(f.id()).isPresent())
                .filter(f -> f.panelRounds().stream().anyMatch(r -> r.deadline().toInstant().isAfter(now)))
                .map(f -> catalogue.formFor(f.id()).orElseThrow())
                .min(Comparator.comparing(form -> form.pages().size() > 1 ? 0 : 1))
                .orElseThrow(() -> new IllegalStateException("no fund takes applications with a panel round ahead"));
    }

    /** The name of the form's first one-line text question: an answer any test may change freely. */
    public static String aTextQuestion(FormDefinition form) {
        return form.fields().stream().filter(f -> f.question() instanceof TextQuestion).findFirst().orElseThrow().name();
    }

    /** Java 17 has no pattern switch: a kind this does not know fails loudly, never answers wrongly. */
    private static String answer(Question question, LocalDate today) {
        if (question instanceof TextQuestion) {
            return "Answer";
        } else if (question instanceof LongTextQuestion) {
            return "An answer.\nOn two lines.";
        } else if (question instanceof EmailQuestion) {
            return "applicant@example.org";
        } else if (question instanceof PhoneQuestion) {
            return "01632 960 001";
        } else if (question instanceof PostcodeQuestion) {
            return "SW1A 1AA";
        } else if (question instanceof MoneyQuestion) {
            return "1";
        } else if (question instanceof WholeNumberQuestion number) {
            return String.valueOf(number.min() == null ? 1 : number.min());
        } else if (question instanceof DateQuestion date) {
            return (date.after() == null ? today.plusMonths(1) : today.plusMonths(4)).toString();
        } else if (question instanceof ChoiceQuestion choice) {
            return (choice instanceof RadiosQuestion radios ? radios.options() : ((CheckboxesQuestion) choice).options()).get(0).value();
        } else if (question instanceof DeclarationQuestion) {
            return "yes";
        }
        throw new IllegalArgumentException("No answer for a " + question.kind() + " question: add one here");
    }
}
