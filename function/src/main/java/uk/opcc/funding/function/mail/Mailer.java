package uk.opcc.funding.function.mail;

/** Sends an email: SES in AWS, an outbox of .eml files locally; both send the bytes {@link MimeMessages} writes. */
public interface Mailer {
    /**
     * @return the mail service's id for the message
     * @throws EmailFailedException when it was not sent
     */
    String send(Email email, String from);
}
