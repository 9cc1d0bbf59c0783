package uk.opcc.funding.function.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.function.storage.ApplicationStore;
import uk.opcc.funding.function.storage.ReferenceTakenException;
import uk.opcc.funding.function.validation.FormValidator;
import uk.opcc.funding.function.validation.Messages;
import uk.opcc.funding.function.validation.Problem;

/** Takes in one submission: checks it against the catalogue's rules, then stores it once. */
public final class IntakeService {
    /** Eight characters from 29 make a clash rare; five clashes in a row means something else is wrong. */
    private static final int REFERENCE_ATTEMPTS = 5;

    private final Catalogue catalogue;
    private final ApplicationStore store;
    private final Clock clock;
    private final Supplier<String> references;

    public IntakeService(Catalogue catalogue, ApplicationStore store, Clock clock, Supplier<String> references) {
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
        this.references = references;
    }

    /** @throws uk.opcc.funding.function.storage.StorageUnavailableException when it could not be stored */
    public Outcome submit(Submission submission) {
        Instant now = clock.instant();
        Optional<FormDefinition> form = catalogue.form(submission.formId());
        if (form.isEmpty()) {
            return new Outcome.UnknownForm(submission.formId());
        }
        Fund fund = catalogue.fund(form.get().fundId()).orElseThrow();
        if (!fund.acceptsApplications()) {
            return new Outcome.NotOpen(submission.formId(), "The " + fund.name() + " is not taking applications.");
        }
        if (submission.single(Submission.HONEYPOT) != null) {
            return new Outcome.Ignored(submission.formId(), null, references.get(), now);
        }

        String callId = submission.single(Submission.CALL);
        Optional<Call> call = Optional.ofNullable(callId).flatMap(catalogue::call).filter(c -> c.fundId().equals(fund.id()));
        if (callId != null && call.isEmpty()) {
            return invalid(submission, Submission.CALL, "unknownCall");
        }
        if (call.isPresent() && !call.get().statusAt(now).acceptsApplications()) {
            return new Outcome.NotOpen(submission.formId(), "The call '" + call.get().title() + "' is "
                    + call.get().statusAt(now).label().toLowerCase() + " and not taking applications.");
        }
        String submissionId = submission.single(Submission.SUBMISSION_ID);
        if (submissionId != null && !submissionId.matches("[A-Za-z0-9-]{8,64}")) {
            return invalid(submission, Submission.SUBMISSION_ID, "invalidSubmissionId");
        }

        FormValidator.Result result = FormValidator.validate(form.get(), submission.answers(),
                catalogue.amountCap(form.get(), call.orElse(null)), now.atZone(Catalogue.UK).toLocalDate());
        if (!result.isValid()) {
            return new Outcome.Invalid(submission.formId(), result.problems());
        }

        IdempotencyKey key = IdempotencyKey.of(form.get().id(), callId, submissionId, result.answers());
        String panelRound = catalogue.roundFor(fund, call.orElse(null), now).map(PanelRound::id).orElse(Application.UNSCHEDULED);
        for (int attempt = 1; ; attempt++) {
            Application application = new Application(references.get(), form.get().id(), fund.id(),
                    call.map(Call::id).orElse(null), panelRound, now, result.answers(), Retention.expiresAt(fund, now));
            try {
                ApplicationStore.Saved saved = store.save(application, key, now);
                return new Outcome.Accepted(submission.formId(), call.map(Call::id).orElse(null), saved.reference(), saved.receivedAt());
            } catch (ReferenceTakenException e) {
                if (attempt == REFERENCE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Outcome invalid(Submission submission, String field, String code) {
        return new Outcome.Invalid(submission.formId(), List.of(new Problem(field, code, Messages.get(code, Map.of()))));
    }
}
