package uk.opcc.funding.function.validation;

import uk.opcc.funding.catalogue.Endorsement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.question.AnswerText;
import uk.opcc.funding.catalogue.question.Checking;
import uk.opcc.funding.catalogue.question.DateQuestion;
import uk.opcc.funding.catalogue.question.Messages;
import uk.opcc.funding.catalogue.question.Posted;
import uk.opcc.funding.catalogue.question.Question;
import uk.opcc.funding.catalogue.question.Refusal;

/**
 * Checks every answer against its question and reports every problem at once. Each kind of
 * question reads, checks and tidies its own answer (see {@link Question}); what is the same for
 * every question is done here: unknown answers, characters that cannot be taken, required
 * questions, one answer or many, and the one rule between two questions (a date after another).
 * Pure: the cap and today's date come in, so a fixed clock tests every boundary.
 */
public final class FormValidator {
    /**
     * Valid answers, tidied into one form each (trimmed; postcodes as CA11 7BS; amounts as 1850 or
     * 1850.50; UK telephone numbers as 07700900982), or the problems found.
     */
    public record Result(Map<String, List<String>> answers, List<Problem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private FormValidator() {
    }

    /**
     * @param submitted the answers as posted: a date as its three boxes (name-day, name-month,
     *                  name-year) or, from JSON, as YYYY-MM-DD
     * @param cap       the most that may be asked for (the call's, else the fund's); empty for no cap
     * @param today     the applicant's today, in UK time
     */
    public static Result validate(FormDefinition form, Map<String, List<String>> submitted, Optional<BigDecimal> cap, LocalDate today) {
        return validate(form, Optional.empty(), submitted, cap, today);
    }

    /**
     * @param endorsement the fund's endorsement, if it has one: each endorser's address must be at one of its domains
     */
    public static Result validate(FormDefinition form, Optional<Endorsement> endorsement, Map<String, List<String>> submitted,
            Optional<BigDecimal> cap, LocalDate today) {
        Checking checking = new Checking(cap, today);
        List<Problem> problems = new ArrayList<>();
        Set<String> known = form.fields().stream().flatMap(f -> f.postedNames().stream()).collect(Collectors.toSet());
        for (String name : submitted.keySet()) {
            if (!known.contains(name)) {
                problems.add(new Problem(safeName(name), "unknownField", Messages.get("unknownField", Map.of())));
            }
        }
        Map<String, List<String>> clean = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            Question question = field.question();
            Posted posted = question.read(field.name(), submitted);
            List<Optional<String>> tidied = posted.values().stream().map(AnswerText::tidy).toList();
            if (tidied.stream().anyMatch(Optional::isEmpty)) {
                problems.add(problem(field, new Refusal("invalidCharacters", Map.of())));
                continue;
            }
            List<String> values = tidied.stream().map(Optional::get).map(String::strip).filter(v -> !v.isEmpty()).toList();
            Optional<Refusal> refusal;
            if (values.isEmpty()) {
                refusal = field.required() ? Optional.of(Refusal.of(question.requiredCode())) : Optional.empty();
            } else if (!question.manyAnswers() && values.size() > 1) {
                refusal = Optional.of(Refusal.of("singleAnswer"));
            } else {
                refusal = question.check(field, values, checking);
            }
            refusal.ifPresentOrElse(r -> problems.add(problem(field, r)), () -> {
                if (!values.isEmpty()) {
                    clean.put(field.name(), question.tidy(values));
                }
            });
        }
        checkDateOrder(form, clean, problems);
        endorsement.ifPresent(e -> checkEndorsers(form, e, clean, problems));
        return new Result(problems.isEmpty() ? clean : Map.of(), List.copyOf(problems));
    }

    /** "End date must be after the start date": checked once both dates are valid. */
    private static void checkDateOrder(FormDefinition form, Map<String, List<String>> clean, List<Problem> problems) {
        for (FormField field : form.fields()) {
            if (!(field.question() instanceof DateQuestion date) || date.after() == null
                    || !clean.containsKey(field.name()) || !clean.containsKey(date.after())) {
                continue;
            }
            LocalDate day = LocalDate.parse(clean.get(field.name()).get(0));
            LocalDate other = LocalDate.parse(clean.get(date.after()).get(0));
            if (!day.isAfter(other)) {
                String otherName = form.field(date.after()).orElseThrow().errorName();
                problems.add(problem(field, new Refusal("dateNotAfter", Map.of("other", otherName))));
            }
        }
    }

    /**
     * An endorser is emailed from the office's domain at the address typed here, so it must be at one
     * of the endorsement's domains: the form can never be used to email anyone else.
     */
    private static void checkEndorsers(FormDefinition form, Endorsement endorsement, Map<String, List<String>> clean, List<Problem> problems) {
        for (Endorsement.Step step : endorsement.steps()) {
            List<String> address = clean.get(step.emailField());
            if (address != null && !endorsement.admits(address.get(0))) {
                form.field(step.emailField()).ifPresent(field -> problems.add(problem(field,
                        new Refusal("endorserDomain", Map.of("domains", endorsement.domainsInWords())))));
            }
        }
    }

    private static Problem problem(FormField field, Refusal refusal) {
        Map<String, String> all = new LinkedHashMap<>(refusal.values());
        all.put("errorName", field.errorName());
        // "required.radios" words the message; the code callers see is plain "required".
        String code = refusal.code();
        String publicCode = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        return new Problem(field.name(), publicCode, Messages.get(code, all));
    }

    /** Echo a field name back only if it is a plain name; anything else may be an attack. */
    static String safeName(String name) {
        return name.matches("[A-Za-z0-9_-]{1,64}") ? name : "unknown";
    }
}
