package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.EmailBody;
import uk.opcc.funding.function.mail.Email;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;

/**
 * The email staff receive for one application, written to be acted on: the subject says whose
 * bid it is and for how much; the body starts with what decides its handling (a possible
 * duplicate, the panel round and its dates, the call, the supporting officer) and then lists
 * every answer, in form order. Header values are stripped of line breaks by {@link Email}.
 */
public final class StaffEmail {
    static final String WARNING = "These answers were typed by the applicant and have not been checked. "
            + "Check they are safe before you use them: do not open links or call numbers you do not recognise.";
    /** Long names are cut in the subject only; the body has them whole. */
    private static final int SUBJECT_NAME_LENGTH = 60;

    private StaffEmail() {
    }

    /**
     * @param earlier         earlier applications to the same fund and round from the same organisation
     * @param applicantHeldBack the day's cap when the applicant's confirmation is held back because
     *                        their address reached it, else 0
     */
    public static Email compose(Application application, Catalogue catalogue, String mailbox, SameOrganisation.Earlier earlier,
            int applicantHeldBack) {
        FormDefinition form = catalogue.form(application.formId()).orElseThrow();
        Fund fund = catalogue.fund(application.fundId()).orElseThrow();
        Call call = application.callId() == null ? null : catalogue.call(application.callId()).orElse(null);
        Optional<PanelRound> round = catalogue.round(fund.id(), application.panelRound());
        String organisation = Answers.to(application, form, Role.ORGANISATION).orElse("(no organisation given)");
        String amount = Answers.to(application, form, Role.AMOUNT).orElse("no amount");
        String subject = String.join(" · ", fund.name(), shorten(organisation), amount, application.reference());

        EmailBody body = new EmailBody();
        if (!earlier.isEmpty()) {
            body.strong("Possible duplicate: " + organisation + " (the same name or email address) already applied to this fund's "
                    + application.panelRound() + " round as " + String.join(", ", earlier.references())
                    + (earlier.more() == 0 ? "" : " and " + earlier.more() + " more") + ". Check before the panel considers both.");
        }
        if (applicantHeldBack > 0) {
            body.strong("We have not emailed the applicant a confirmation: their address has already had " + applicantHeldBack
                    + " emails from us today, the most we send to one address in a day. If they get in touch, give them their reference.");
        }
        body.strong(WARNING)
                .row("Reference", application.reference())
                .row("Fund", fund.name())
                .row("Organisation", organisation)
                .row("Amount requested", amount)
                .row("Call for bids", call == null ? "None (general application)" : call.title())
                .row("Panel round", round.map(r -> r.id() + ": decisions by " + Wording.day(r.decisionsBy()) + Answers.provisional(r)
                                + "; applications by " + Wording.moment(r.deadline()))
                        .orElse("Not scheduled yet: the fund's panel calendar (data/funds.yml) has no round for it"));
        supportingOfficer(application, form).ifPresent(officer -> body.row(
                form.fieldWith(Role.SUPPORTING_OFFICER).orElseThrow().summaryLabel(), officer));
        fund.endorsement().ifPresent(endorsement -> body.row("Support", supportRequested(application, endorsement)));
        body.row("Received", Wording.moment(application.receivedAt().atZone(Catalogue.UK)) + " (UK time)");
        body.heading("Answers");
        for (FormField field : form.fields()) {
            body.row(field.label(), Answers.of(application, field));
        }
        String replyTo = application.applicantEmail(form).orElse(null);
        return new Email(mailbox, replyTo, subject, body.text(), body.html());
    }

    /** "PCSO Alex Smith, collar number 1234, Penrith", for forms that ask for a supporting officer. */
    private static Optional<String> supportingOfficer(Application application, FormDefinition form) {
        Optional<String> name = Answers.to(application, form, Role.SUPPORTING_OFFICER);
        return name.map(n -> n + Answers.to(application, form, Role.OFFICER_COLLAR_NUMBER).map(c -> ", collar number " + c).orElse("")
                + Answers.to(application, form, Role.OFFICER_STATION).map(s -> ", " + s).orElse(""));
    }

    /** "Support requested from PC Jo Marsh (jo.marsh@…), then Inspector Sam Reid (…), each by email; …" */
    private static String supportRequested(Application application, uk.opcc.funding.catalogue.Endorsement endorsement) {
        List<String> who = endorsement.steps().stream().map(step -> application.answer(step.nameField()).orElse("(not given)") + " ("
                + application.answer(step.emailField()).orElse("(not given)") + "), " + step.title().toLowerCase(java.util.Locale.UK)).toList();
        return "Support requested from " + who.get(0) + (who.size() > 1 ? ", then " + String.join(", then ", who.subList(1, who.size())) : "")
                + ", each by an emailed link. You will get a short email as each one answers.";
    }

    private static String shorten(String name) {
        if (name.length() <= SUBJECT_NAME_LENGTH) {
            return name;
        }
        int cut = name.lastIndexOf(' ', SUBJECT_NAME_LENGTH - 1);
        return name.substring(0, cut > SUBJECT_NAME_LENGTH / 2 ? cut : SUBJECT_NAME_LENGTH - 1).strip() + "…";
    }
}
