package uk.opcc.funding.catalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain values (maps, lists, strings, numbers, booleans, null) on Jackson's streaming
 * parser and generator alone. The function reads and writes nothing else, and Jackson's
 * ObjectMapper, with its hundreds of classes, cost its cold start most of the time to the first
 * application stored; so nothing the function runs builds one. Reads and writes what an
 * ObjectMapper would: integers as Integer, Long or BigInteger, other numbers as Double, objects
 * in their order.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Json() {
    }

    /** The value of a JSON text; null for an empty one. */
    public static Object read(String json) throws JsonProcessingException {
        return read(FACTORY, json);
    }

    /**
     * The same, refusing what a lenient reader lets through: an object that names a key twice,
     * anything after the one root value ({@code {"a":1} garbage}), and a string with half a
     * surrogate pair ({@code "\ud800"}), which is no text at all.
     */
    public static Object readStrict(String json) throws JsonProcessingException {
        try (JsonParser parser = STRICT.createParser(json)) {
            Object value = parser.nextToken() == null ? null : value(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Nothing may follow the JSON value");
            }
            if (!wellFormed(value)) {
                throw new JsonParseException(parser, "A string has half a surrogate pair");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is never short of bytes
        }
    }

    /** Every string in it (keys too) is whole Unicode text: no high surrogate without its low one, nor the reverse. */
    private static boolean wellFormed(Object value) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> object) {
            return object.entrySet().stream().allMatch(e -> wellFormed(e.getKey()) && wellFormed(e.getValue()));
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(Json::wellFormed);
        }
        return true;
    }

    public static String write(Object value) {
        return write(value, false);
    }

    /** Indented as Jackson's default pretty printer indents, for files people read. */
    public static String writeIndented(Object value) {
        return write(value, true);
    }

    private static Object read(JsonFactory factory, String json) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(json)) {
            return parser.nextToken() == null ? null : value(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is never short of bytes
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("Unexpected JSON token " + token);
        }
    }

    private static String write(Object value, boolean indented) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (indented) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof Float f) {
            out.writeNumber(f);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else {
            throw new IllegalArgumentException("Not a plain JSON value: " + value.getClass().getName());
        }
    }
}
