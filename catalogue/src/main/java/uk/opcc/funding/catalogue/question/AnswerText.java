package uk.opcc.funding.catalogue.question;

import java.util.Optional;

/**
 * An answer's characters, before any rule looks at it. Text is kept as typed, but what cannot be
 * seen and can mislead is dealt with here, once, for every kind of question:
 * <ul>
 *   <li>line breaks of every kind (U+2028, U+2029, NEL, vertical tab, form feed, and CR LF) become
 *       a plain {@code \n}, so a one-line question refuses them all alike and a long answer keeps them;</li>
 *   <li>invisible characters a paste brings along (soft hyphen, zero-width space, word joiner,
 *       byte-order mark) are taken out;</li>
 *   <li>any other control or format character (Unicode Cc and Cf: bidirectional overrides such as
 *       U+202E that make text read backwards, null, escape) is refused, with a message;</li>
 *   <li>the joiners and tags that emoji are built from (U+200C, U+200D, U+E0020 to U+E007F) stay: a
 *       family or a Welsh flag is an answer.</li>
 * </ul>
 * None of it reaches an email's header either way: {@code Email.header} drops every Cc, Cf, Zl and Zp.
 */
public final class AnswerText {
    private AnswerText() {
    }

    /** The answer with its line breaks made plain and its invisible characters taken out; empty if it holds one it must refuse. */
    public static Optional<String> tidy(String value) {
        StringBuilder tidied = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                tidied.append('\n');
                if (i < value.length() && value.charAt(i) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85 || c == 0x0B || c == 0x0C) {
                tidied.append('\n');
            } else if (c == '\t' || c == 0x200C || c == 0x200D || (c >= 0xE0020 && c <= 0xE007F)) {
                tidied.appendCodePoint(c);
            } else if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF) {
                continue; // invisible, harmless, and never meant
            } else if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                return Optional.empty();
            } else {
                tidied.appendCodePoint(c);
            }
        }
        return Optional.of(tidied.toString());
    }
}
