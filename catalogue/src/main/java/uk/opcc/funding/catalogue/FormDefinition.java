package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.question.FormField;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.question.MoneyQuestion;

/**
 * An application form for one fund; a targeted call uses its fund's form with the call's cap and
 * window. Its questions come in sections, each asked on a page of its own; declarations are
 * asked on the check-your-answers page, just before the applicant sends, as GOV.UK does.
 *
 * @param maxAmount the most its amount question accepts where the fund has no cap of its own
 *                  (set in forms.yml, for the OPCC to confirm); empty otherwise
 * @param maxAmountProvisional the maxAmount is a placeholder the OPCC has yet to confirm: the fund's page says so
 */
public record FormDefinition(String id, String fundId, String title, List<Section> sections, Optional<BigDecimal> maxAmount,
                             boolean maxAmountProvisional) {
    /** The check-your-answers page: where the applicant goes after the last section. */
    public static final String CHECK = "check";

    public FormDefinition {
        sections = List.copyOf(sections);
    }

    /** A part of the form asked on one page. */
    public record Section(String id, String title, List<FormField> fields) {
        public Section {
            fields = List.copyOf(fields);
        }

        /** The questions on the section's own page: every field but the declarations. */
        public List<FormField> questions() {
            return fields.stream().filter(f -> !f.isDeclaration()).toList();
        }
    }

    /** Every field, in order. */
    public List<FormField> fields() {
        return sections.stream().flatMap(s -> s.fields().stream()).toList();
    }

    public Optional<FormField> field(String name) {
        return fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The sections that have a page: those with a question that is not a declaration. */
    public List<Section> pages() {
        return sections.stream().filter(s -> !s.questions().isEmpty()).toList();
    }

    public Optional<Section> page(String id) {
        return pages().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The page after {@code pageId}: the next section, or the check page after the last. */
    public String after(String pageId) {
        List<Section> pages = pages();
        for (int i = 0; i < pages.size() - 1; i++) {
            if (pages.get(i).id().equals(pageId)) {
                return pages.get(i + 1).id();
            }
        }
        return CHECK;
    }

    /** The questions asked on the section pages: everything but the declarations. */
    public List<FormField> questions() {
        return pages().stream().flatMap(s -> s.questions().stream()).toList();
    }

    /** Asked on the check page. */
    public List<FormField> declarations() {
        return fields().stream().filter(FormField::isDeclaration).toList();
    }

    /** The first page asking one of {@code fieldNames}; the check page when none does. */
    public String pageFor(Collection<String> fieldNames) {
        return pages().stream().filter(s -> s.questions().stream().anyMatch(f -> fieldNames.contains(f.name())))
                .map(Section::id).findFirst().orElse(CHECK);
    }

    /** This form asking only {@code fields}: so one page's answers can be checked on their own. */
    public FormDefinition narrowedTo(List<FormField> fields) {
        return new FormDefinition(id, fundId, title, List.of(new Section("narrowed", title, fields)), maxAmount, maxAmountProvisional);
    }

    public boolean asksForMoney() {
        return fields().stream().anyMatch(f -> f.question() instanceof MoneyQuestion);
    }

    /** The question with this role, if the form asks one: forms.yml marks it, and FormReader made sure each form has those it needs. */
    public Optional<FormField> fieldWith(Role role) {
        return fields().stream().filter(f -> f.has(role)).findFirst();
    }

    /** The first answer, not blank, to the question with this role, as stored in {@code answers} (keyed by question name). */
    public Optional<String> answerTo(Role role, java.util.Map<String, List<String>> answers) {
        return fieldWith(role).flatMap(f -> answers.getOrDefault(f.name(), List.of()).stream().filter(v -> !v.isBlank()).findFirst());
    }
}
