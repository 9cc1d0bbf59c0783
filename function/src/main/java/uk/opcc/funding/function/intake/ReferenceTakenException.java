package uk.opcc.funding.function.intake;

/** The reference drawn for a new application belongs to another; draw again. */
public class ReferenceTakenException extends RuntimeException {
    public ReferenceTakenException(String reference) {
        super("Reference already in use: " + reference);
    }
}
