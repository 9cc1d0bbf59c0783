package uk.opcc.funding.function.secrets;

/** A secret could not be read: the function cannot start, and says which secret and why. */
public final class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message) {
        super(message);
    }

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
