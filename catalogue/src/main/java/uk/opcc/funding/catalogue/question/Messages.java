package uk.opcc.funding.catalogue.question;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The wording of every problem, from {@code messages.properties}: one place, GOV.UK tone. */
public final class Messages {
    private static final Properties TEXT = load();

    private Messages() {
    }

    /** The message for {@code code}, with {@code {name}} placeholders filled; {@code {Name}} capitalises. */
    public static String get(String code, Map<String, String> values) {
        String text = TEXT.getProperty(code);
        if (text == null) {
            throw new IllegalArgumentException("No message for " + code);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            String key = value.getKey();
            text = text.replace("{" + key + "}", value.getValue())
                    .replace("{" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "}", capitalise(value.getValue()));
        }
        return text;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
