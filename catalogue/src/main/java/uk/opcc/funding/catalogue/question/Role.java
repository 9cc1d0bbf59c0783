package uk.opcc.funding.catalogue.question;

import java.util.Arrays;
import java.util.Optional;
import uk.opcc.funding.catalogue.question.EmailQuestion;
import uk.opcc.funding.catalogue.question.MoneyQuestion;
import uk.opcc.funding.catalogue.question.Question;
import uk.opcc.funding.catalogue.question.TextQuestion;

/**
 * What the code does with a question's answer, marked in forms.yml as {@code role:}: so the code
 * asks a form for "the organisation" rather than knowing what a form calls it.
 */
public enum Role {
    /** Named in staff emails and panel packs, and compared to spot the same organisation applying twice. */
    ORGANISATION("organisation", TextQuestion.class, true),
    /** Where the applicant's confirmation goes, and where staff replies go. */
    CONTACT_EMAIL("contactEmail", EmailQuestion.class, true),
    /** The sum asked for: in staff emails' subjects and panel packs' totals. Every form asking for money marks one. */
    AMOUNT("amount", MoneyQuestion.class, false),
    /** The police officer or PCSO supporting an application, summed up at the top of the staff email. */
    SUPPORTING_OFFICER("supportingOfficer", TextQuestion.class, false),
    OFFICER_COLLAR_NUMBER("officerCollarNumber", TextQuestion.class, false),
    OFFICER_STATION("officerStation", TextQuestion.class, false),
    /**
     * A contact detail asked as free text (the person's name, an address line), left out of the
     * panel pack with every email, phone and postcode question; on as many questions as ask one.
     */
    CONTACT_DETAIL("contactDetail", TextQuestion.class, false, false);

    private final String key;
    private final Class<? extends Question> askedBy;
    private final boolean everyFormNeedsIt;
    private final boolean onOneQuestion;

    Role(String key, Class<? extends Question> askedBy, boolean everyFormNeedsIt) {
        this(key, askedBy, everyFormNeedsIt, true);
    }

    Role(String key, Class<? extends Question> askedBy, boolean everyFormNeedsIt, boolean onOneQuestion) {
        this.key = key;
        this.askedBy = askedBy;
        this.everyFormNeedsIt = everyFormNeedsIt;
        this.onOneQuestion = onOneQuestion;
    }

    /** False for a role that marks every question of a kind (contact details), not the one the code reads. */
    public boolean onOneQuestion() {
        return onOneQuestion;
    }

    /** As forms.yml spells it. */
    public String key() {
        return key;
    }

    /** The kind of question that can have the role. */
    public Class<? extends Question> askedBy() {
        return askedBy;
    }

    public boolean everyFormNeedsIt() {
        return everyFormNeedsIt;
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
