package uk.opcc.funding.function.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.Role;

/**
 * Which applications in one fund's round look like the same organisation applying again: the same
 * name once case, accents, punctuation, "the", "&" and a "Ltd"/"Limited"/"CIC" are set aside, or the
 * same email address. A hint for staff, never a refusal: two branches of one charity may apply in
 * good faith.
 *
 * <p>Each application is listed, as it is stored, under a key for its name and one for its address
 * (see the store's {@code DUP#} items), so finding the earlier ones is a read of those lists,
 * whatever the size of the round. Keys are hashes: no name or address is written into a key.
 */
public final class SameOrganisation {
    private static final List<String> SUFFIXES = List.of(" ltd", " limited", " cic", " plc", " llp");

    /**
     * One key's list as stored: the references filed under it, in the order they were stored, and
     * how many more came once the list was full (see the store).
     */
    public record Listed(List<String> references, int beyondTheList) {
        public static final Listed NONE = new Listed(List.of(), 0);
    }

    /** The earlier applications that look like the same organisation, and how many beyond those listed. */
    public record Earlier(List<String> references, int more) {
        public boolean isEmpty() {
            return references.isEmpty() && more == 0;
        }
    }

    private SameOrganisation() {
    }

    /** The keys an application is filed under: its normalised name and its address, each hashed, where given. */
    public static List<String> keys(Application application, FormDefinition form) {
        List<String> keys = new ArrayList<>();
        application.answerTo(form, Role.ORGANISATION).map(SameOrganisation::normalisedName).filter(n -> !n.isEmpty())
                .ifPresent(name -> keys.add("name#" + Sha256.hex(name)));
        application.applicantEmail(form).map(e -> e.strip().toLowerCase(Locale.ROOT)).ifPresent(email -> keys.add("email#" + Sha256.hex(email)));
        return keys;
    }

    /**
     * The applications stored before {@code reference} under any of its keys, oldest first, each
     * once. An application that came after a list was full is not on it: all listed are earlier.
     */
    public static Earlier earlier(String reference, List<Listed> lists) {
        Set<String> earlier = new LinkedHashSet<>();
        int more = 0;
        for (Listed listed : lists) {
            int at = listed.references().indexOf(reference);
            earlier.addAll(at < 0 ? listed.references() : listed.references().subList(0, at));
            if (at < 0) {
                more = Math.max(more, Math.max(0, listed.beyondTheList() - 1));
            }
        }
        earlier.remove(reference);
        return new Earlier(List.copyOf(earlier), more);
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
}
