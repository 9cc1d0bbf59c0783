package uk.opcc.funding.function.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Json;

/**
 * Turns a request body into the applicant's fields, whether it came from the page's script as
 * JSON or from a plain HTML form post. Every field becomes a list of strings: checkboxes have
 * several, everything else one.
 */
public final class RequestBody {
    public static final int MAX_BYTES = 64 * 1024;

    /** How the caller speaks: JSON callers get JSON back; form posts get pages and redirects. */
    public enum Kind { JSON, FORM }

    public record Parsed(Kind kind, Map<String, List<String>> fields) {
    }

    /** Why a body could not be read, with the status the contract gives it. */
    public static final class Rejected extends Exception {
        private final int status;
        private final Kind kind;

        Rejected(int status, Kind kind, String message) {
            super(message);
            this.status = status;
            this.kind = kind;
        }

        public int status() {
            return status;
        }

        /** Which way to answer: by the kind of body sent, as best it could be told. */
        public Kind kind() {
            return kind;
        }
    }

    private RequestBody() {
    }

    /**
     * @param accept the caller's Accept header: a browser that did not send JSON (a form posted as
     *               multipart, say) is answered with a page, not JSON it cannot show
     */
    public static Parsed parse(String contentType, String accept, String body, boolean base64) throws Rejected {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        boolean browser = accept != null && accept.toLowerCase().contains("text/html");
        Kind kind = type.equals("application/x-www-form-urlencoded") || (browser && !type.equals("application/json")) ? Kind.FORM : Kind.JSON;
        byte[] bytes = bytes(body, base64, kind);
        if (bytes.length > MAX_BYTES) {
            throw new Rejected(413, kind, "The application is larger than " + MAX_BYTES / 1024 + " KB. Shorten the longest answers and try again.");
        }
        if (!type.equals("application/json") && !type.equals("application/x-www-form-urlencoded")) {
            throw new Rejected(415, kind, "Send the application as application/json or application/x-www-form-urlencoded.");
        }
        String text = utf8(bytes, kind);
        return new Parsed(kind, kind == Kind.JSON ? json(text) : form(text));
    }

    private static byte[] bytes(String body, boolean base64, Kind kind) throws Rejected {
        if (body == null) {
            return new byte[0];
        }
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new Rejected(400, kind, "The application could not be read.");
        }
    }

    private static String utf8(byte[] bytes, Kind kind) throws Rejected {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(400, kind, "The application must be sent as UTF-8 text.");
        }
    }

    private static Map<String, List<String>> json(String text) throws Rejected {
        Object root;
        try {
            root = Json.readStrict(text);
        } catch (JsonProcessingException e) {
            throw new Rejected(400, Kind.JSON, "The application is not valid JSON.");
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new Rejected(400, Kind.JSON, "The application must be a JSON object of answers.");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : object.entrySet()) {
            Object value = field.getValue();
            List<String> values = new ArrayList<>();
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    values.add(scalar(item));
                }
            } else if (value != null) {
                values.add(scalar(value));
            }
            fields.put((String) field.getKey(), values);
        }
        return fields;
    }

    /** A number as it was read (1250.5 for 1250.50: a JSON number is a number, not the digits typed). */
    private static String scalar(Object value) throws Rejected {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new Rejected(400, Kind.JSON, "Each answer must be text, a number, true or false, or a list of those.");
    }

    private static Map<String, List<String>> form(String text) throws Rejected {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = formDecoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : formDecoded(pair.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /**
     * One name or value of a form post: {@code +} is a space and {@code %XX} a byte, and the bytes
     * are read as strict UTF-8, so {@code %C3%28} or a lone {@code %ED%A0%80} is refused rather than
     * quietly turned into U+FFFD, as {@code URLDecoder} would (and a stored "?" in place of an answer).
     */
    private static String formDecoded(String encoded) throws Rejected {
        byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
                if (low < 0) {
                    throw new Rejected(400, Kind.FORM, "The application could not be read.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return utf8(bytes.toByteArray(), Kind.FORM);
    }
}
