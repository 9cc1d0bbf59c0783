package uk.opcc.funding.function.mail;

/** The email was not sent; it is safe to try again, unless it is an {@link EmailRefusedException}. */
public class EmailFailedException extends RuntimeException {
    public EmailFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
