package uk.opcc.funding.function.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reading settings from the environment: one rule for a required value and one for an endpoint, for every function's settings. */
final class Settings {
    private Settings() {
    }

    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " is not set");
        }
        return value.strip();
    }

    static Optional<URI> endpoint(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + " is not a URL like http://localhost:8000: " + value);
        }
    }
}
