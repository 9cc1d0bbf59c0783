package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.Money;
import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.question.FormField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uk.opcc.funding.catalogue.question.DateQuestion;
import uk.opcc.funding.catalogue.question.MoneyQuestion;
import uk.opcc.funding.catalogue.question.Question;
import uk.opcc.funding.catalogue.question.Settings;

/** Reads and checks the form definitions in {@code data/forms.yml}; part of {@link CatalogueReader}. */
final class FormReader {
    /** The id of the one section of a form written as a plain list of fields. */
    static final String SINGLE_SECTION = "answers";

    private final String file;
    private final List<String> problems;

    FormReader(String file, List<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    List<FormDefinition> read(Object root, List<Fund> funds) {
        List<FormDefinition> forms = new ArrayList<>();
        Object list = root instanceof Map<?, ?> map ? map.get("forms") : null;
        if (!(list instanceof List<?> entries)) {
            problems.add(file + ": expected a list called 'forms'");
            return forms;
        }
        Set<String> ids = new HashSet<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> fields) {
                form(fields, funds).ifPresent(form -> {
                    if (!ids.add(form.id())) {
                        problems.add(file + ": two forms have the id '" + form.id() + "'");
                    }
                    forms.add(form);
                });
            } else {
                problems.add(file + ": each form must be a set of fields");
            }
        }
        return forms;
    }

    private Optional<FormDefinition> form(Map<?, ?> map, List<Fund> funds) {
        String id = CatalogueReader.text(map.get("id"));
        String where = file + " (form " + (id == null ? "without an id" : id) + ")";
        int before = problems.size();
        String fund = CatalogueReader.text(map.get("fund"));
        if (id == null || fund == null || CatalogueReader.text(map.get("title")) == null) {
            problems.add(where + ": a form needs 'id', 'fund' and 'title'");
        } else if (funds.stream().noneMatch(f -> f.id().equals(fund))) {
            problems.add(where + ": unknown fund '" + fund + "'");
        }
        List<FormDefinition.Section> sections = new ArrayList<>();
        if (map.get("sections") instanceof List<?> entries && !entries.isEmpty()) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> section) {
                    section(where, section).ifPresent(sections::add);
                } else {
                    problems.add(where + ": each section must have an 'id', a 'title' and 'fields'");
                }
            }
        } else if (map.get("fields") != null) { // a short form: one section
            sections.add(new FormDefinition.Section(SINGLE_SECTION, "Your answers", fields(where, map.get("fields"))));
        } else {
            problems.add(where + ": a form needs a list of 'sections' (or, for a short form, of 'fields')");
        }
        checkFieldsTogether(where, sections);
        List<FormField> fields = sections.stream().flatMap(s -> s.fields().stream()).toList();
        if (problems.size() == before) {
            checkRoles(where, fields);
        }
        Optional<BigDecimal> maxAmount = maxAmount(where, map.get("maxAmount"), fields, funds.stream().filter(f -> f.id().equals(fund)).findFirst());
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (map.get("maxAmountProvisional") != null && (maxAmount.isEmpty() || !(map.get("maxAmountProvisional") instanceof Boolean))) {
            problems.add(where + ": maxAmountProvisional is true or false, beside a maxAmount");
            return Optional.empty();
        }
        return Optional.of(new FormDefinition(id, fund, CatalogueReader.text(map.get("title")), sections, maxAmount,
                Boolean.TRUE.equals(map.get("maxAmountProvisional"))));
    }

    private Optional<FormDefinition.Section> section(String form, Map<?, ?> map) {
        String id = CatalogueReader.text(map.get("id"));
        String title = CatalogueReader.text(map.get("title"));
        String where = form + " section " + (id == null ? "without an id" : id);
        int before = problems.size();
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}") || id.equals(FormDefinition.CHECK) || title == null) {
            problems.add(where + ": a section needs an 'id' in lower case, like your-project (not 'check'), and a 'title'");
        }
        List<FormField> fields = fields(where, map.get("fields"));
        return problems.size() > before ? Optional.empty() : Optional.of(new FormDefinition.Section(id, title, fields));
    }

    private List<FormField> fields(String where, Object list) {
        List<FormField> fields = new ArrayList<>();
        if (list instanceof List<?> entries && !entries.isEmpty()) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> field) {
                    field(where, field).ifPresent(fields::add);
                } else {
                    problems.add(where + ": each field must be a set of settings");
                }
            }
        } else {
            problems.add(where + ": needs a list of 'fields'");
        }
        return fields;
    }

    private Optional<FormField> field(String form, Map<?, ?> map) {
        String name = CatalogueReader.text(map.get("name"));
        String where = form + " field " + (name == null ? "without a name" : name);
        int before = problems.size();
        if (name == null || !name.matches("[a-z][A-Za-z0-9]{0,39}")) {
            problems.add(where + ": a field needs a 'name' in camelCase, like projectTitle");
        }
        Function<Settings, Question> kind = Question.KINDS.get(CatalogueReader.text(map.get("type")));
        if (kind == null) {
            problems.add(where + ": unknown type '" + map.get("type") + "'");
        }
        String label = CatalogueReader.text(map.get("label"));
        String errorName = CatalogueReader.text(map.get("errorName"));
        if (label == null || errorName == null) {
            problems.add(where + ": a field needs a 'label' and an 'errorName'");
        }
        Optional<Role> role = Optional.ofNullable(CatalogueReader.text(map.get("role"))).flatMap(key -> {
            Optional<Role> known = Role.fromKey(key);
            if (known.isEmpty()) {
                problems.add(where + ": unknown role '" + key + "'; a role is one of "
                        + String.join(", ", Arrays.stream(Role.values()).map(Role::key).toList()));
            }
            return known;
        });
        String autocomplete = CatalogueReader.text(map.get("autocomplete"));
        if (autocomplete != null && !autocomplete.matches("[a-z0-9-]+( [a-z0-9-]+)*")) {
            problems.add(where + ": autocomplete must be an HTML autocomplete token, like postal-code");
        }
        Question question = kind == null ? null : kind.apply(new Settings(where, map, problems));
        if (question != null && role.isPresent() && !role.get().askedBy().isInstance(question)) {
            problems.add(where + ": the role '" + role.get().key() + "' needs a question of another type than " + question.kind());
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        boolean required = !Boolean.FALSE.equals(map.get("required"));
        return Optional.of(new FormField(name, question, label, CatalogueReader.text(map.get("hint")), errorName,
                required, role, autocomplete, CatalogueReader.text(map.get("shortLabel"))));
    }

    /**
     * The roles the code reads: every form must have those every form needs (organisation,
     * contact email), one with an amount question its amount, and each role once at most (but
     * contactDetail, which marks every question asking one).
     */
    private void checkRoles(String where, List<FormField> fields) {
        for (Role role : Role.values()) {
            long holders = fields.stream().filter(f -> f.has(role)).count();
            boolean needed = role.everyFormNeedsIt()
                    || role == Role.AMOUNT && fields.stream().anyMatch(f -> f.question() instanceof MoneyQuestion)
                    || (role == Role.SUPPORTING_OFFICER && fields.stream().anyMatch(f -> f.has(Role.OFFICER_COLLAR_NUMBER) || f.has(Role.OFFICER_STATION)));
            if (holders > 1 && role.onOneQuestion()) {
                problems.add(where + ": only one question can have the role '" + role.key() + "'");
            } else if (holders == 0 && needed) {
                problems.add(where + ": no question has the role '" + role.key() + "'; add 'role: " + role.key()
                        + "' to the question that asks for it");
            }
        }
    }

    /**
     * Every amount question needs a maximum from the data: the fund's cap, or where the strategy
     * sets none, the form's own {@code maxAmount}. A call's bids are held to the call's cap.
     */
    private Optional<BigDecimal> maxAmount(String where, Object value, List<FormField> fields, Optional<Fund> fund) {
        Optional<BigDecimal> maxAmount = Optional.ofNullable(CatalogueReader.text(value))
                .map(v -> CatalogueReader.amount(problems, where, "maxAmount", v));
        Optional<BigDecimal> fundCap = fund.flatMap(Fund::maxAward);
        if (maxAmount.isPresent() && fundCap.isPresent() && maxAmount.get().compareTo(fundCap.get()) > 0) {
            problems.add(where + ": maxAmount " + Money.format(maxAmount.get()) + " is above the "
                    + fund.get().name() + "'s cap of " + Money.format(fundCap.get()));
        }
        if (fund.isPresent() && fundCap.isEmpty() && CatalogueReader.text(value) == null) {
            fields.stream().filter(f -> f.question() instanceof MoneyQuestion).findFirst().ifPresent(f -> problems.add(where + " field " + f.name()
                    + ": an amount question needs a maximum; the " + fund.get().name()
                    + " has no maxAward, so give the form a maxAmount (marked for the OPCC to confirm)"));
        }
        return maxAmount;
    }

    private void checkFieldsTogether(String where, List<FormDefinition.Section> sections) {
        Set<String> names = new HashSet<>();
        Set<String> sectionIds = new HashSet<>();
        for (FormDefinition.Section section : sections) {
            if (!sectionIds.add(section.id())) {
                problems.add(where + ": two sections have the id '" + section.id() + "'");
            }
            for (FormField field : section.fields()) {
                if (!names.add(field.name())) {
                    problems.add(where + ": two fields are named '" + field.name() + "'");
                }
                // Each page's answers are checked when the applicant leaves it, so both dates must be on it.
                if (field.question() instanceof DateQuestion date && date.after() != null
                        && section.fields().stream().noneMatch(f -> f.name().equals(date.after()) && f.question() instanceof DateQuestion)) {
                    problems.add(where + " field " + field.name() + ": 'after' must name a date field in the same section");
                }
            }
        }
    }
}
