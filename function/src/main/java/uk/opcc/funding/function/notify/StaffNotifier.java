package uk.opcc.funding.function.notify;

/** Sends an email to staff. */
public interface StaffNotifier {
    /**
     * @return the mail service's id for the message
     * @throws EmailFailedException when it was not sent
     */
    String send(StaffEmail email, String from);
}
