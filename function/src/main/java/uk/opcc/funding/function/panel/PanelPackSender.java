package uk.opcc.funding.function.panel;

/** Sends a panel pack, with its attachment, to the fund's staff. */
public interface PanelPackSender {
    /**
     * @return the mail service's id for the message
     * @throws uk.opcc.funding.function.notify.EmailFailedException when it was not sent
     */
    String send(PanelPack pack, String from);
}
