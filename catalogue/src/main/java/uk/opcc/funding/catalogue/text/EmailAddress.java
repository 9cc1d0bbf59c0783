package uk.opcc.funding.catalogue.text;

import java.util.regex.Pattern;

/**
 * The one check of an email address: applicants' answers (FormValidator), the functions' settings
 * and the CDK app's, so an address one accepts the others accept too. It accepts what SES will
 * send to, and nothing SES refuses: a local part of at most 64 ASCII characters (letters, digits
 * and {@code !#$%&'*+/=?^_`{|}~-}, with dots between, never at either end or twice running, as
 * SMTP without SMTPUTF8 allows) and a domain of at least two labels, each 1 to 63 letters, digits
 * and hyphens, never starting or ending with a hyphen, the last not all digits; at most 254 in all.
 * An address SES would refuse is refused at the form, where the applicant can put it right, not
 * after the application is stored, where the email could only fail.
 */
public final class EmailAddress {
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern EMAIL = Pattern.compile("(" + ATOM + "(?:\\." + ATOM + ")*)@((?:" + LABEL + "\\.)+" + LABEL + ")");
    private static final int MOST_IN_LOCAL_PART = 64;
    private static final int MOST = 254;

    private EmailAddress() {
    }

    public static boolean isPlausible(String value) {
        if (value.length() > MOST) {
            return false;
        }
        var match = EMAIL.matcher(value);
        if (!match.matches() || match.group(1).length() > MOST_IN_LOCAL_PART) {
            return false;
        }
        String domain = match.group(2);
        return !domain.substring(domain.lastIndexOf('.') + 1).matches("[0-9]+");
    }
}
