package uk.opcc.funding.catalogue.question;

import uk.opcc.funding.catalogue.text.Wording;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.opcc.funding.catalogue.question.DeclarationQuestion;
import uk.opcc.funding.catalogue.question.Question;

/**
 * One question on a form: what every question has, and its {@link Question kind}, which owns the rest.
 *
 * @param errorName    how messages name the answer: "Enter the project start date"
 * @param role         what the code does with the answer, where it does something
 * @param autocomplete the HTML autocomplete token its input carries (organization, postal-code…), or null
 * @param shortLabel   a shorter label where a summary names the answer (the supporting officer), or null
 */
public record FormField(
        String name,
        Question question,
        String label,
        String hint,
        String errorName,
        boolean required,
        Optional<Role> role,
        String autocomplete,
        String shortLabel) {

    /** One choice of a radios or checkboxes question: the value sent, the label shown. */
    public record Option(String value, String label) {
    }

    public boolean isDeclaration() {
        return question instanceof DeclarationQuestion;
    }

    public boolean has(Role role) {
        return this.role.equals(Optional.of(role));
    }

    /**
     * Whether it asks how to reach a person: by its type (email, phone, postcode) or marked so in
     * forms.yml. Left out of what the panel pack and an endorser's page show.
     */
    public boolean asksForContactDetails() {
        return question instanceof EmailQuestion || question instanceof PhoneQuestion || question instanceof PostcodeQuestion
                || has(Role.CONTACT_DETAIL);
    }

    /** The names its answer may be posted under. */
    public Set<String> postedNames() {
        return question.postedNames(name);
    }

    /** The answer as a person reads it, a line a value; {@link Wording#NOT_ANSWERED} when nothing was given. */
    public List<String> shown(List<String> values) {
        List<String> given = values.stream().filter(v -> !v.isBlank()).toList();
        return given.isEmpty() ? List.of(Wording.NOT_ANSWERED) : question.show(this, given);
    }

    /** The answer in the panel pack's CSV; empty when nothing was given. */
    public String cell(List<String> values) {
        return values.isEmpty() ? "" : question.cell(this, values);
    }

    /** Shorter where it has a short label. */
    public String summaryLabel() {
        return shortLabel == null ? label : shortLabel;
    }
}
