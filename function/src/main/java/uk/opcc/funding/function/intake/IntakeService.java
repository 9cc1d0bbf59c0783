package uk.opcc.funding.function.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.function.intake.ReferenceTakenException;
import uk.opcc.funding.function.validation.FormValidator;
import uk.opcc.funding.catalogue.question.Messages;
import uk.opcc.funding.function.validation.Problem;

/** Takes in one submission: checks it against the catalogue's rules, then stores it once. */
public final class IntakeService {
    /** Eight characters from 29 make a clash rare; five clashes in a row means something else is wrong. */
    private static final int REFERENCE_ATTEMPTS = 5;

    private final Catalogue catalogue;
    private final Applications store;
    private final Clock clock;
    private final Supplier<String> references;

    public IntakeService(Catalogue catalogue, Applications store, Clock clock, Supplier<String> references) {
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
        this.references = references;
    }

    /**
     * The application a checked confirmation token names, for its confirmation page: the token
     * vouches for the reference, form and time received, and all three must match what is stored.
     * Empty when none does, or the store cannot be read (the page then shows what the token holds).
     */
    public Optional<Application> confirmed(ConfirmationToken.Claims claims) {
        try {
            return store.find(claims.reference())
                    .filter(a -> a.formId().equals(claims.formId()) && a.receivedAt().getEpochSecond() == claims.receivedAt().getEpochSecond());
        } catch (StorageUnavailableException e) {
            return Optional.empty();
        }
    }

    /** @throws uk.opcc.funding.function.intake.StorageUnavailableException when it could not be stored */
    public Outcome submit(Submission submission) {
        Instant now = clock.instant();
        Target target = target(submission, now, true);
        if (target.refusal() != null) {
            return target.refusal();
        }
        FormDefinition form = target.form();
        String callId = submission.single(Submission.CALL);
        String submissionId = submission.single(Submission.SUBMISSION_ID);
        if (submissionId != null && !submissionId.matches("[A-Za-z0-9-]{8,64}")) {
            return invalid(submission, Submission.SUBMISSION_ID, "invalidSubmissionId");
        }

        FormValidator.Result result = FormValidator.validate(form, target.fund().endorsement(), submission.answers(), target.cap(), now.atZone(Catalogue.UK).toLocalDate());
        if (!result.isValid()) {
            return new Outcome.Invalid(submission.formId(), result.problems());
        }

        IdempotencyKey key = IdempotencyKey.of(form.id(), callId, submissionId, result.answers());
        Fund fund = target.fund();
        Optional<Call> call = target.call();
        String panelRound = catalogue.roundFor(fund, call.orElse(null), now).map(PanelRound::id).orElse(Application.UNSCHEDULED);
        for (int attempt = 1; ; attempt++) {
            Application application = new Application(references.get(), form.id(), fund.id(),
                    call.map(Call::id).orElse(null), panelRound, now, result.answers(), Retention.expiresAt(fund, now));
            try {
                Applications.Saved saved = store.save(application, form, key, now);
                return new Outcome.Accepted(submission.formId(), call.map(Call::id).orElse(null), saved.reference(), saved.receivedAt());
            } catch (ReferenceTakenException e) {
                if (attempt == REFERENCE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The applicant leaves page {@code leaving} (a section, or the check page) for page
     * {@code going}: check the answers of the page being left, then say which page to show.
     * Going back to an earlier section checks nothing; going to the check page checks every
     * answer first. Nothing is stored.
     */
    public Outcome move(Submission submission, String leaving, String going) {
        Instant now = clock.instant();
        Target target = target(submission, now, false);
        if (target.refusal() != null) {
            return target.refusal();
        }
        FormDefinition form = target.form();
        boolean toCheck = FormDefinition.CHECK.equals(going) || form.page(going).isEmpty();
        String then = toCheck ? FormDefinition.CHECK : going;
        Optional<FormDefinition.Section> left = form.page(leaving);
        if (left.isPresent() && !toCheck && form.pages().indexOf(form.page(going).orElseThrow()) < form.pages().indexOf(left.get())) {
            // Back to an earlier section: nothing on the page being left is checked yet (it is, on the way forward again).
            return new Outcome.Moved(form.id(), going, form.after(going), List.of());
        }
        if (left.isPresent()) {
            List<Problem> problems = problems(target, left.get().questions(), submission, now);
            if (!problems.isEmpty()) {
                return new Outcome.Moved(form.id(), leaving, then, problems);
            }
        }
        if (toCheck) {
            List<Problem> problems = problems(target, form.questions(), submission, now);
            if (problems.isEmpty()) {
                return new Outcome.Moved(form.id(), FormDefinition.CHECK, FormDefinition.CHECK, List.of());
            }
            // Back to the first page with a problem, to return here once it is put right.
            String page = form.pageFor(problems.stream().map(Problem::field).toList());
            List<String> onPage = form.page(page).orElseThrow().questions().stream().map(FormField::name).toList();
            return new Outcome.Moved(form.id(), page, FormDefinition.CHECK, problems.stream().filter(p -> onPage.contains(p.field())).toList());
        }
        // From the check page (to change an answer) the section leads back there; otherwise on to the next.
        return new Outcome.Moved(form.id(), going, FormDefinition.CHECK.equals(leaving) ? FormDefinition.CHECK : form.after(going), List.of());
    }

    /** The problems with the answers to {@code questions}, whatever else was sent. */
    private static List<Problem> problems(Target target, List<FormField> questions, Submission submission, Instant now) {
        Map<String, List<String>> answers = new LinkedHashMap<>(submission.answers());
        answers.keySet().retainAll(questions.stream().flatMap(f -> f.postedNames().stream()).toList());
        return FormValidator.validate(target.form().narrowedTo(questions), target.fund().endorsement(), answers, target.cap(), now.atZone(Catalogue.UK).toLocalDate()).problems();
    }

    /** The form, fund and call a submission is for, or why it cannot be taken. */
    private record Target(FormDefinition form, Fund fund, Optional<Call> call, Optional<BigDecimal> cap, Outcome refusal) {
        static Target refused(Outcome refusal) {
            return new Target(null, null, Optional.empty(), Optional.empty(), refusal);
        }
    }

    private Target target(Submission submission, Instant now, boolean sending) {
        Optional<FormDefinition> form = catalogue.form(submission.formId());
        if (form.isEmpty()) {
            return Target.refused(new Outcome.UnknownForm(submission.formId()));
        }
        Fund fund = catalogue.fund(form.get().fundId()).orElseThrow();
        if (!fund.acceptsApplications()) {
            return Target.refused(new Outcome.NotOpen(submission.formId(), "The " + fund.name() + " is not taking applications."));
        }
        if (sending && submission.single(Submission.HONEYPOT) != null) {
            return Target.refused(new Outcome.Ignored(submission.formId(), null, references.get(), now));
        }
        String callId = submission.single(Submission.CALL);
        Optional<Call> call = Optional.ofNullable(callId).flatMap(catalogue::call).filter(c -> c.fundId().equals(fund.id()));
        if (callId != null && call.isEmpty()) {
            return Target.refused(invalid(submission, Submission.CALL, "unknownCall"));
        }
        if (call.isPresent() && !call.get().statusAt(now).acceptsApplications()) {
            return Target.refused(new Outcome.NotOpen(submission.formId(), "The call '" + call.get().title() + "' is "
                    + call.get().statusAt(now).label().toLowerCase() + " and not taking applications."));
        }
        return new Target(form.get(), fund, call, catalogue.amountCap(form.get(), call.orElse(null)), null);
    }

    private static Outcome invalid(Submission submission, String field, String code) {
        return new Outcome.Invalid(submission.formId(), List.of(new Problem(field, code, Messages.get(code, Map.of()))));
    }
}
