package uk.opcc.funding.catalogue.question;

import java.util.Optional;
import java.util.Set;

/**
 * Telephone numbers as people write them: "07700 900982", "(01768) 217734", "+44 (0)7700 900982",
 * "0044 7700 900982", "+33 1 23 45 67 89". A UK number must have the right number of digits for
 * its kind, so a mobile number with a digit missing is caught here rather than by a caller who
 * cannot get through.
 */
final class PhoneNumber {
    /**
     * The twelve five-digit area codes whose numbers are written 0xxxxx xxxxx (or 016977 xxxx), as
     * Ofcom's numbering plan lists them; every other 01 code has three or four digits.
     */
    private static final Set<String> FIVE_DIGIT_AREA_CODES = Set.of("13873", "15242", "15394", "15395", "15396", "16973", "16974",
            "16977", "17683", "17684", "17687", "19467");

    private PhoneNumber() {
    }

    /**
     * A number as people read it, in the groups the UK's numbering plan writes it in: 07700 900982,
     * 01768 217734, 0113 496 0000, 020 7946 0018, 017687 12345, 0800 123 4567. It is the stored
     * number, spaced: a number from abroad, whose groups differ from country to country, stays as
     * stored, and so does anything that is not a number that can be dialled.
     */
    static String spaced(String stored) {
        Optional<String> plain = normalise(stored);
        if (plain.isEmpty() || plain.get().startsWith("+")) {
            return plain.orElse(stored);
        }
        String n = plain.get();
        return switch (n.charAt(1)) {
            case '1' -> geographic(n);
            case '2', '5' -> groups(n, 3, 4);
            case '7' -> n.startsWith("070") || n.startsWith("076") ? groups(n, 3, 4) : groups(n, 5);
            default -> groups(n, 4, 3); // 03, 08 and 09: 0300 123 4567, 0800 123 4567 and 0800 123 456
        };
    }

    /** 01 numbers: 0113 and 0161 (011x, 01x1) xxx xxxx; the five-digit codes; otherwise 01xxx xxxxxx. */
    private static String geographic(String n) {
        if (n.charAt(2) == '1' || n.charAt(3) == '1') {
            return groups(n, 4, 3);
        }
        if (FIVE_DIGIT_AREA_CODES.contains(n.substring(1, 6))) {
            return groups(n, 6);
        }
        return groups(n, 5);
    }

    /** The number split after each of these lengths, the rest in a last group. */
    private static String groups(String n, int... lengths) {
        StringBuilder spaced = new StringBuilder();
        int at = 0;
        for (int length : lengths) {
            spaced.append(n, at, at + length).append(' ');
            at += length;
        }
        return spaced.append(n.substring(at)).toString();
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
