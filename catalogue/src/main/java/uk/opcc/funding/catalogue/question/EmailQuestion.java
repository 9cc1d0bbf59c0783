package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.text.EmailAddress;

/** An email address we could write to. */
public record EmailQuestion() implements Question {
    static final String KIND = "email";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return EmailAddress.isPlausible(values.get(0)) ? Optional.empty() : Optional.of(Refusal.of("invalidEmail"));
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        html.append(drawing.input("email", " spellcheck=\"false\"", "")).append('\n');
    }
}
