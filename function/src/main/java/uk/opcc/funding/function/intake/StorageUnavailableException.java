package uk.opcc.funding.function.intake;

/** The store could not be reached or refused the request; nothing was stored. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
