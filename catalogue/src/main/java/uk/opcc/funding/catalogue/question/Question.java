package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One kind of question a form can ask (forms.yml's {@code type}), owning everything that differs
 * from one kind to another: how its answer is read from a post, checked, tidied for storing, drawn
 * as inputs, shown to a person and written as a panel-pack cell. Everything common to every
 * question (a label, a hint, required or not, the error beside it) stays with {@link FormField}
 * and its callers, so a new kind is its own class, a line in {@link #KINDS} and the permits list.
 */
public sealed interface Question permits FreeTextQuestion, EmailQuestion, PhoneQuestion, PostcodeQuestion,
        MoneyQuestion, DateQuestion, ChoiceQuestion, DeclarationQuestion, WholeNumberQuestion {

    /** Every kind by its forms.yml name, each read from its own settings. */
    Map<String, Function<Settings, Question>> KINDS = kinds();

    private static Map<String, Function<Settings, Question>> kinds() {
        Map<String, Function<Settings, Question>> kinds = new LinkedHashMap<>();
        kinds.put(TextQuestion.KIND, TextQuestion::from);
        kinds.put(LongTextQuestion.KIND, LongTextQuestion::from);
        kinds.put(EmailQuestion.KIND, s -> new EmailQuestion());
        kinds.put(PhoneQuestion.KIND, s -> new PhoneQuestion());
        kinds.put(PostcodeQuestion.KIND, s -> new PostcodeQuestion());
        kinds.put(MoneyQuestion.KIND, s -> new MoneyQuestion());
        kinds.put(DateQuestion.KIND, DateQuestion::from);
        kinds.put(RadiosQuestion.KIND, RadiosQuestion::from);
        kinds.put(CheckboxesQuestion.KIND, CheckboxesQuestion::from);
        kinds.put(DeclarationQuestion.KIND, s -> new DeclarationQuestion());
        kinds.put(WholeNumberQuestion.KIND, WholeNumberQuestion::from);
        return Map.copyOf(kinds);
    }

    /** Its forms.yml name: text, money, date… */
    String kind();

    /** Its own settings as forms.yml spells them, in a fixed order: what catalogue.json carries and {@link #KINDS} reads back. */
    default Map<String, Object> settings() {
        return Map.of();
    }

    /** How a question is put on the page: as a fieldset with a legend, with a label, or inside its own label (a declaration). */
    enum Asked { AS_A_GROUP, WITH_A_LABEL, BY_ITS_OWN_LABEL }

    default Asked asked() {
        return Asked.WITH_A_LABEL;
    }

    /** The hint shown under the label; an amount's also says the most that may be asked for. */
    default String hint(FormField field, Optional<BigDecimal> cap) {
        return field.hint();
    }

    /**
     * The limits its {@link #check} holds an answer to, beyond being given, in a few words for the
     * fund's page ("up to 150 characters", "today or later"); empty where there are none a person
     * needs to know before starting (a choice from its list, an email address). Worded here, beside
     * the check, so the page promises only the limits the form enforces.
     *
     * @param cap    the most that may be asked for, as {@link Checking#cap}
     * @param nameOf another question's {@code errorName} by its name (the date an end date comes after)
     */
    default Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        return Optional.empty();
    }

    /** Ids of notes of its own that describe its input (a character count), each followed by a space. */
    default String notes(String id) {
        return "";
    }

    /** The names its answer may be posted under: its own, and a date's three boxes. */
    default Set<String> postedNames(String name) {
        return Set.of(name);
    }

    /** The answer as posted, before anything is checked. */
    default Posted read(String name, Map<String, List<String>> post) {
        return new Posted.Values(post.getOrDefault(name, List.of()));
    }

    /** Whether it takes more than one answer (checkboxes). */
    default boolean manyAnswers() {
        return false;
    }

    /** The message code for no answer to a required question. */
    default String requiredCode() {
        return "required";
    }

    /**
     * What is wrong with an answer, if anything.
     *
     * @param values the answer's values, each stripped and none empty; only one unless {@link #manyAnswers}
     */
    Optional<Refusal> check(FormField field, List<String> values, Checking checking);

    /** A checked answer in the one form it is stored in: CA11 7BS, 07700900982, 1850. */
    default List<String> tidy(List<String> values) {
        return values;
    }

    /** Its inputs, after the label, hint and error that every question has. */
    void draw(StringBuilder html, Drawing drawing);

    /**
     * An answer as a person reads it, a line a value: a choice's words, a date in words, money in
     * pounds. Each page or email puts the lines together its own way.
     *
     * @param values at least one, none blank
     */
    default List<String> show(FormField field, List<String> values) {
        return List.of(values.get(0));
    }

    /** Its column's heading in the panel pack's CSV. */
    default String heading(FormField field) {
        return field.label();
    }

    /** An answer in the panel pack's CSV: as stored, so a spreadsheet can sort and add it; a choice as its words. */
    default String cell(FormField field, List<String> values) {
        return String.join("; ", values);
    }
}
