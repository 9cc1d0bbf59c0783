package uk.opcc.funding.function.panel;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A panel pack as one RFC 5322 message with MIME parts (the summary as text, the CSV as an
 * attachment), for SES raw sending and for the local outbox's .eml files alike. Every part is
 * base64 and every header value ASCII, so nothing in a pack can break the message's structure.
 */
public final class PackMime {
    private PackMime() {
    }

    /** @param messageId a unique id without angle brackets; SES replaces it with its own */
    public static byte[] of(PanelPack pack, String from, ZonedDateTime date, String messageId) {
        String boundary = "pack-" + messageId.replaceAll("[^A-Za-z0-9.-]", "");
        String eml = "From: " + from + "\r\n"
                + "To: " + pack.to() + "\r\n"
                + "Subject: " + encodedWord(pack.subject()) + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.withZoneSameInstant(ZoneOffset.UTC)) + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64(pack.text()) + "\r\n"
                + "--" + boundary + "\r\n"
                // The file name is ours: fund and round ids, which the catalogue keeps to letters, digits and dashes.
                + "Content-Type: text/csv; charset=UTF-8; name=\"" + pack.attachmentName() + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + pack.attachmentName() + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64(pack.csv()) + "\r\n"
                + "--" + boundary + "--\r\n";
        return eml.getBytes(StandardCharsets.US_ASCII);
    }

    private static String base64(String content) {
        return Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Header text as RFC 2047 encoded words, so any character (a £ sign) is safe in it: each word
     * at most 75 characters (45 bytes of text, never splitting a character), on folded lines.
     */
    static String encodedWord(String text) {
        StringBuilder header = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        text.codePoints().forEach(c -> {
            String next = chunk + Character.toString(c);
            if (next.getBytes(StandardCharsets.UTF_8).length > 45) {
                header.append(header.length() == 0 ? "" : "\r\n ").append(word(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.appendCodePoint(c);
        });
        return header.append(header.length() == 0 ? "" : "\r\n ").append(word(chunk.toString())).toString();
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
