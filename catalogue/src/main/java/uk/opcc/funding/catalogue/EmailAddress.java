package uk.opcc.funding.catalogue;

import java.util.regex.Pattern;

/**
 * The one plausibility check of an email address: applicants' answers (FormValidator), the
 * functions' settings and the CDK app's, so an address one accepts the others accept too.
 */
public final class EmailAddress {
    /** A local part without spaces, brackets or separators; a domain of dot-separated labels. No CR or LF can pass. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"(),;:\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private EmailAddress() {
    }

    public static boolean isPlausible(String value) {
        return value.length() <= 254 && EMAIL.matcher(value).matches();
    }
}
