package uk.opcc.funding.function.config;

/** A setting is missing or wrong; the message names it, so the function fails at start, not on a request. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
