package uk.opcc.funding.function.notify;

import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.function.intake.Application;

/** An application's answers as people read them in an email: each as its question shows it, choices joined by "; ". */
final class Answers {
    private Answers() {
    }

    /** The answer to one question, as the applicant meant it; "Not answered" for an optional one left blank. */
    static String of(FormField field, List<String> values) {
        return String.join("; ", field.shown(values));
    }

    static String of(Application application, FormField field) {
        return of(field, application.answers().getOrDefault(field.name(), List.of()));
    }

    /** The answer to the form's question with this role, as shown, if the form asks one and it was answered. */
    static Optional<String> to(Application application, FormDefinition form, Role role) {
        return form.fieldWith(role).flatMap(f -> application.answerTo(form, role).map(v -> of(f, List.of(v))));
    }

    static String provisional(PanelRound round) {
        return round.provisional() ? " (provisional date, to be confirmed)" : "";
    }
}
