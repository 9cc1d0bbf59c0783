package uk.opcc.funding.catalogue.question;

import java.util.Optional;

/**
 * Telephone numbers as people write them: "07700 900982", "(01768) 217734", "+44 (0)7700 900982",
 * "0044 7700 900982", "+33 1 23 45 67 89". A UK number must have the right number of digits for
 * its kind, so a mobile number with a digit missing is caught here rather than by a caller who
 * cannot get through.
 */
final class PhoneNumber {
    private PhoneNumber() {
    }

    /** The number in one plain form, 07700900982 or +33123456789; empty when it cannot be dialled. */
    static Optional<String> normalise(String typed) {
        String compact = typed.replaceAll("[\\s().-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.startsWith("+44")) {
            String national = compact.substring(3);
            return uk(national.startsWith("0") ? national.substring(1) : national);
        }
        if (compact.startsWith("+")) {
            // Elsewhere, only the international limits: a country code and at most 15 digits in all.
            String digits = compact.substring(1);
            return digits.matches("[1-9]\\d{7,14}") ? Optional.of(compact) : Optional.empty();
        }
        return compact.startsWith("0") ? uk(compact.substring(1)) : Optional.empty();
    }

    /**
     * The digits after the leading 0. Mobiles (07) and most numbers have ten; some geographic
     * numbers (01) and freephone numbers (08) have nine, such as those in parts of Penrith and
     * Brampton in Cumbria.
     */
    private static Optional<String> uk(String national) {
        if (!national.matches("\\d+")) {
            return Optional.empty();
        }
        boolean rightLength = switch (national.charAt(0)) {
            case '1', '8' -> national.length() == 9 || national.length() == 10;
            case '2', '3', '5', '7', '9' -> national.length() == 10;
            default -> false;
        };
        return rightLength ? Optional.of("0" + national) : Optional.empty();
    }
}
