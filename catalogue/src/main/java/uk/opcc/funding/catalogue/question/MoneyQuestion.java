package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.opcc.funding.catalogue.text.Money;
import uk.opcc.funding.catalogue.text.Wording;

/** An amount in pounds and pence, more than £0 and at most the cap; stored as 1850 or 1850.50. */
public record MoneyQuestion() implements Question {
    static final String KIND = "money";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String hint(FormField field, Optional<BigDecimal> cap) {
        return cap.map(c -> (field.hint() == null ? "" : field.hint() + ". ") + "You can apply for up to " + Wording.money(c) + ".")
                .orElse(field.hint());
    }

    @Override
    public Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        return cap.map(c -> "up to " + Wording.money(c));
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        Optional<BigDecimal> parsed = Money.parse(values.get(0));
        if (parsed.isEmpty()) {
            return Optional.of(Refusal.of("invalidAmount"));
        }
        BigDecimal amount = parsed.get();
        if (amount.signum() <= 0) {
            return Optional.of(Refusal.of("amountTooSmall"));
        }
        if (checking.cap().isPresent() && amount.compareTo(checking.cap().get()) > 0) {
            return Optional.of(new Refusal("amountTooLarge", Map.of("cap", Wording.money(checking.cap().get()))));
        }
        return Optional.empty();
    }

    @Override
    public List<String> tidy(List<String> values) {
        return List.of(Money.plain(Money.parse(values.get(0)).orElseThrow()));
    }

    /** The amount as stored or as typed; empty for anything that is not one. */
    public static Optional<BigDecimal> amount(String value) {
        return Money.parse(value);
    }

    @Override
    public void draw(StringBuilder html, Drawing d) {
        html.append("<div class=\"input-prefix\"><span class=\"input-prefix__symbol\" aria-hidden=\"true\">£</span>")
                .append(d.input("text", " inputmode=\"decimal\" spellcheck=\"false\"", "input--width-10")).append("</div>\n");
    }

    @Override
    public List<String> show(FormField field, List<String> values) {
        return List.of(amount(values.get(0)).map(Wording::money).orElse(values.get(0)));
    }

    @Override
    public String heading(FormField field) {
        return field.label() + " (£)";
    }
}
