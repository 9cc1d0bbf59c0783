package uk.opcc.funding.function.notify;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.opcc.funding.function.intake.Application;

/**
 * Which earlier applications in the same fund and round look like the same organisation applying
 * again: the same name once case, punctuation, "the", "&" and a "Ltd"/"Limited"/"CIC" are set
 * aside, or the same email address. A hint for staff, never a refusal: two branches of one
 * charity may apply in good faith.
 */
final class Duplicates {
    private static final List<String> SUFFIXES = List.of(" ltd", " limited", " cic", " plc", " llp");

    private Duplicates() {
    }

    /** @param round every application in the application's fund and round */
    static List<Application> earlier(Application application, List<Application> round) {
        return round.stream()
                .filter(other -> !other.reference().equals(application.reference()))
                .filter(other -> other.receivedAt().isBefore(application.receivedAt())
                        || other.receivedAt().equals(application.receivedAt()) && other.reference().compareTo(application.reference()) < 0)
                .filter(other -> sameName(application, other) || sameEmail(application, other))
                .toList();
    }

    static String normalisedName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.UK)
                .replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
        if (plain.startsWith("the ")) {
            plain = plain.substring(4);
        }
        for (String suffix : SUFFIXES) {
            if (plain.endsWith(suffix)) {
                plain = plain.substring(0, plain.length() - suffix.length());
            }
        }
        return plain.strip();
    }

    private static boolean sameName(Application a, Application b) {
        String name = first(a, "organisationName");
        return name != null && !normalisedName(name).isEmpty() && Objects.equals(normalisedName(name), normalise(first(b, "organisationName")));
    }

    private static boolean sameEmail(Application a, Application b) {
        String email = first(a, "email");
        return email != null && email.strip().equalsIgnoreCase(String.valueOf(first(b, "email")).strip());
    }

    private static String normalise(String name) {
        return name == null ? null : normalisedName(name);
    }

    private static String first(Application application, String name) {
        List<String> values = application.answers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
