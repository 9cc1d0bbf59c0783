package uk.opcc.funding.function.mail;

/**
 * The mail service refused the email for good (SES's {@code BadRequestException}, such as an
 * address it will not send to): unlike a failure, sending it again would fail again.
 */
public final class EmailRefusedException extends EmailFailedException {
    public EmailRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
