package uk.opcc.funding.function.panel;

/** No such fund, or no such round in its calendar: nothing was read, claimed or sent. */
public class UnknownRoundException extends RuntimeException {
    public UnknownRoundException(String message) {
        super(message);
    }
}
