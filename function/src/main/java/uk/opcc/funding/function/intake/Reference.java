package uk.opcc.funding.function.intake;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Application references people read out over the phone: eight characters in two groups,
 * like KX7P-M2RD, from an alphabet with no look-alikes (no 0/O, 1/I/L, and no Q or Z).
 * Uniqueness is enforced by the store's conditional write, not here.
 */
public final class Reference {
    public static final String ALPHABET = "ABCDEFGHJKMNPRSTUVWXY23456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private Reference() {
    }

    public static String next() {
        return next(RANDOM);
    }

    static String next(RandomGenerator random) {
        StringBuilder reference = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    public static boolean isWellFormed(String reference) {
        return reference != null && reference.matches("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    }
}
