package uk.opcc.funding.function.panel;

import java.util.Map;
import uk.opcc.funding.function.endorse.EndorsementState;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.text.Money;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.catalogue.question.MoneyQuestion;
import uk.opcc.funding.function.intake.Application;

/**
 * One fund's panel pack for one round: a summary to read in the email (how many, how much, a
 * line per application) and the answers a panel needs as an attached CSV, one row each, a column
 * per question of the fund's form but those asking the applicant's contact details, which stay
 * in each application's own staff email: a spreadsheet of every applicant's personal details
 * should not travel as an attachment. Only our own words and figures go in the subject;
 * applicants' words go in the body (without line breaks) and the CSV (neutralised).
 *
 * @param interim true when made before the round's deadline: more applications may still come
 * @param draft   the round's decision file to fill in ({@link DraftDecision}), named {@code draftName};
 *                none for a round without applications, which has nothing to decide
 */
public record PanelPack(String to, String subject, String text, String attachmentName, String csv, int count, BigDecimal total,
        boolean interim, Optional<String> draftName, Optional<String> draft) {

    static final String WARNING = "These answers were typed by applicants and have not been checked. "
            + "Check they are safe before you use them: do not open links or call numbers you do not recognise.";
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

    /** @param applications the round's applications, in the order they should be listed */
    public static PanelPack compose(Catalogue catalogue, Fund fund, PanelRound round, FormDefinition form,
            List<Application> applications, String mailbox, boolean interim) {
        return composeEndorsed(catalogue, fund, round, form, applications.stream().map(a -> new EndorsementState(a, Map.of(), List.of())).toList(),
                mailbox, interim);
    }

    /**
     * @param endorsed the round's applications, each with its endorsement's steps: for a fund that asks
     *                 for endorsement, each line and row says where each step stands, with its statement
     */
    public static PanelPack composeEndorsed(Catalogue catalogue, Fund fund, PanelRound round, FormDefinition form,
            List<EndorsementState> endorsed, String mailbox, boolean interim) {
        List<Application> applications = endorsed.stream().map(EndorsementState::application).toList();
        Map<String, EndorsementState> byReference = endorsed.stream().collect(java.util.stream.Collectors.toMap(
                e -> e.application().reference(), e -> e, (a, b) -> a));
        BigDecimal total = BigDecimal.ZERO;
        StringBuilder lines = new StringBuilder();
        for (Application application : applications) {
            Optional<BigDecimal> amount = amount(application, form);
            total = total.add(amount.orElse(BigDecimal.ZERO));
            lines.append(application.reference()).append("  ").append(oneLine(application.answerTo(form, Role.ORGANISATION).orElse("(no organisation given)")))
                    .append("  ").append(amount.map(Money::format).orElse("(no amount given)"));
            fund.endorsement().ifPresent(e -> lines.append("  [").append(String.join("; ", e.steps().stream()
                    .map(step -> step.title() + ": " + EndorsementColumns.state(byReference.get(application.reference()), step)).toList())).append(']'));
            lines.append('\n');
        }
        String attachment = fund.id() + "-" + round.id() + (interim ? "-interim" : "") + ".csv";
        String count = applications.size() + (applications.size() == 1 ? " application" : " applications");
        String subject = (interim ? "Interim panel pack: " : "Panel pack: ") + fund.name() + ", round " + round.id() + ": "
                + count + ", " + Money.format(total) + " asked";

        StringBuilder text = new StringBuilder();
        text.append(fund.name()).append(": panel pack for round ").append(round.id()).append("\n\n");
        if (interim) {
            text.append("INTERIM: the round is still taking applications. This pack lists those received so far; "
                    + "the round's own pack follows after its deadline.\n\n");
        }
        text.append("Applications received by ").append(Wording.moment(round.deadline().withZoneSameInstant(Catalogue.UK)))
                .append(" (UK time). Applicants hear by ").append(Wording.day(round.decisionsBy())).append(".\n\n")
                .append("Applications: ").append(applications.size()).append('\n')
                .append("Total asked: ").append(Money.format(total)).append("\n\n");
        if (applications.isEmpty()) {
            text.append("No applications were received for this round.\n\n");
        } else {
            text.append("Reference  Organisation  Amount\n").append(lines).append('\n')
                    .append("The attached ").append(attachment).append(" has the answers of every application, one row each; "
                            + "contact details are left out and are in each application's own email.\n\n")
                    .append("The attached ").append(DraftDecision.fileName(fund, round)).append(" is the round's decision, to fill in: "
                            + "one entry per application, each to award or decline. Its comments say how, and where to save it.\n\n");
        }
        fund.endorsement().ifPresent(e -> {
            List<String> waiting = endorsed.stream().filter(a -> EndorsementColumns.waiting(a, e)).map(a -> a.application().reference()).toList();
            if (!waiting.isEmpty()) {
                text.append(interim ? "Still waiting for support: " : "Still waiting for support at the round's deadline: ")
                        .append(String.join(", ", waiting)).append(". The panel should not decide these until their support is confirmed.\n\n");
            }
        });
        text.append(WARNING).append('\n');
        Optional<String> draft = applications.isEmpty() ? Optional.empty()
                : Optional.of(DraftDecision.write(fund, round, form, applications, interim));
        return new PanelPack(mailbox, subject, text.toString(), attachment, csv(catalogue, fund, form, endorsed), applications.size(), total, interim,
                draft.map(d -> DraftDecision.fileName(fund, round)), draft);
    }

    private static String csv(Catalogue catalogue, Fund fund, FormDefinition form, List<EndorsementState> endorsed) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Reference", "Received (UK time)", "Panel round", "Call for bids"));
        List<FormField> fields = form.fields().stream().filter(f -> !f.asksForContactDetails()).toList();
        fields.forEach(f -> header.add(f.question().heading(f)));
        fund.endorsement().ifPresent(e -> e.steps().forEach(step -> {
            header.add(step.title());
            header.add(step.title() + ": statement");
        }));
        rows.add(header);
        for (EndorsementState state : endorsed) {
            Application application = state.application();
            List<String> row = new ArrayList<>(List.of(application.reference(),
                    RECEIVED.format(application.receivedAt().atZone(Catalogue.UK)), application.panelRound(),
                    application.callId() == null ? "" : catalogue.call(application.callId()).map(Call::title).orElse(application.callId())));
            for (FormField field : fields) {
                row.add(field.cell(application.answers().getOrDefault(field.name(), List.of())));
            }
            fund.endorsement().ifPresent(e -> e.steps().forEach(step -> {
                row.add(EndorsementColumns.state(state, step));
                row.add(state.step(step.id()).flatMap(EndorsementState.Step::statement).orElse(""));
            }));
            rows.add(row);
        }
        return PackCsv.write(rows);
    }

    private static Optional<BigDecimal> amount(Application application, FormDefinition form) {
        // The intake checked it; an unreadable figure is shown as not given rather than stop the pack.
        return application.answerTo(form, Role.AMOUNT).flatMap(MoneyQuestion::amount);
    }

    /** An applicant's words on one line of the summary, so none can pass for a line of ours. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
