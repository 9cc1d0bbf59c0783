package uk.opcc.funding.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.question.EmailQuestion;
import uk.opcc.funding.catalogue.question.FormField;

/**
 * Reads a fund's {@code endorsement} from {@code data/funds.yml} and {@code endorserDomains} from
 * {@code data/opcc.yml}, and checks the fund's forms ask what each step needs; every problem is
 * added to the reader's list, each naming its file.
 */
final class EndorsementReader {
    /** Step ids go into stored attribute names and signed links. */
    private static final String STEP_ID = "[a-z]{1,20}";
    private static final String DOMAIN = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";

    private EndorsementReader() {
    }

    /** {@code endorserDomains} in data/opcc.yml: empty when absent. */
    static List<String> domains(Object opccYaml, List<String> problems) {
        Object value = opccYaml instanceof Map<?, ?> map ? map.get("endorserDomains") : null;
        if (value == null) {
            return List.of();
        }
        List<String> domains = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                String domain = CatalogueReader.text(entry);
                if (domain == null || !domain.toLowerCase(java.util.Locale.ROOT).matches(DOMAIN)) {
                    problems.add("opcc.yml: each of endorserDomains must be a domain like north.police.uk, not '" + entry + "'");
                } else {
                    domains.add(domain);
                }
            }
        } else {
            problems.add("opcc.yml: endorserDomains must be a list of domains, like [north.police.uk]");
        }
        return domains;
    }

    static Optional<Endorsement> read(String where, Object value, List<String> domains, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        int before = problems.size();
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": endorsement must have linkValidDays, remindAfterDays and steps");
            return Optional.empty();
        }
        if (domains.isEmpty()) {
            problems.add(where + ": an endorsement needs endorserDomains in opcc.yml, the only domains an endorser's address may be at");
        }
        int valid = days(where, "linkValidDays", map.get("linkValidDays"), 1, 90, problems);
        int remind = days(where, "remindAfterDays", map.get("remindAfterDays"), 1, 89, problems);
        if (valid > 0 && remind > 0 && remind >= valid) {
            problems.add(where + ": remindAfterDays (" + remind + ") must be fewer than linkValidDays (" + valid + ")");
        }
        List<Endorsement.Step> steps = new ArrayList<>();
        if (!(map.get("steps") instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": endorsement needs steps, each with id, who, title, asks, statement, name and email");
        } else {
            for (Object entry : list) {
                step(where, entry, problems).ifPresent(step -> {
                    if (steps.stream().anyMatch(s -> s.id().equals(step.id()))) {
                        problems.add(where + ": two endorsement steps have the id " + step.id());
                    }
                    steps.add(step);
                });
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Endorsement(valid, remind, domains, steps));
    }

    private static Optional<Endorsement.Step> step(String where, Object entry, List<String> problems) {
        if (!(entry instanceof Map<?, ?> step)) {
            problems.add(where + ": each endorsement step needs id, who, title, asks, statement, name and email");
            return Optional.empty();
        }
        String id = CatalogueReader.text(step.get("id"));
        String at = where + " endorsement step " + id;
        if (id == null || !id.matches(STEP_ID)) {
            problems.add(at + ": a step needs an id of lower-case letters, like officer");
            return Optional.empty();
        }
        boolean complete = true;
        for (String key : List.of("who", "title", "asks", "statement", "name", "email")) {
            if (CatalogueReader.text(step.get(key)) == null) {
                problems.add(at + ": missing '" + key + "'");
                complete = false;
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new Endorsement.Step(id, text(step, "who"), text(step, "title"), text(step, "asks"), text(step, "statement"),
                text(step, "name"), text(step, "email"), Optional.ofNullable(CatalogueReader.text(step.get("collarNumber")))));
    }

    /** Each step's questions are on every form of its fund, its address asked by an email question. */
    static void checkForms(List<Fund> funds, List<FormDefinition> forms, List<String> problems) {
        for (Fund fund : funds) {
            if (fund.endorsement().isEmpty()) {
                continue;
            }
            for (FormDefinition form : forms.stream().filter(f -> f.fundId().equals(fund.id())).toList()) {
                for (Endorsement.Step step : fund.endorsement().get().steps()) {
                    String where = "funds.yml (fund " + fund.id() + ") endorsement step " + step.id() + ": form " + form.id();
                    ask(where, form, step.nameField(), problems);
                    step.collarField().ifPresent(f -> ask(where, form, f, problems));
                    ask(where, form, step.emailField(), problems).ifPresent(field -> {
                        if (!(field.question() instanceof EmailQuestion)) {
                            problems.add(where + ": " + step.emailField() + " must be an email question");
                        } else if (!field.required()) {
                            problems.add(where + ": " + step.emailField() + " must be required: the endorser is emailed there");
                        }
                    });
                }
            }
        }
    }

    private static Optional<FormField> ask(String where, FormDefinition form, String name, List<String> problems) {
        Optional<FormField> field = form.field(name);
        if (field.isEmpty()) {
            problems.add(where + " has no question '" + name + "'");
        }
        return field;
    }

    private static int days(String where, String key, Object value, int min, int max, List<String> problems) {
        if (value instanceof Integer days && days >= min && days <= max) {
            return days;
        }
        problems.add(where + ": " + key + " must be a whole number of days from " + min + " to " + max);
        return 0;
    }

    private static String text(Map<?, ?> map, String key) {
        return CatalogueReader.text(map.get(key));
    }
}
