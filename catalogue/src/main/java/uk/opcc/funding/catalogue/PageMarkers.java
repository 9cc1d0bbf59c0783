package uk.opcc.funding.catalogue;

/**
 * The marks the site bakes into the pages the intake fills in, and the intake looks for: the
 * message page's title and message, the confirmation page's reference and what happens next.
 * One home, read by the site's templates (through the bake's model) and by the function, so
 * the two cannot drift apart. The form's own marks are {@link FormHtml#START} and {@link FormHtml#END}.
 */
public final class PageMarkers {
    /** In the message page's {@code <title>} and description: the intake puts the page's title here, escaped. */
    public static final String TITLE = "[[title]]";
    /** In the message page's main: the intake puts the message's HTML here. */
    public static final String MESSAGE = "<!-- message -->";
    /** In the confirmation page's panel: the application's reference. */
    public static final String REFERENCE = "<!-- reference -->";
    /** Under the confirmation page's "What happens next": the panel round and when decisions are made. */
    public static final String WHAT_HAPPENS_NEXT = "<!-- what happens next -->";
    /** In the confirmation page, after the reference: the address the applicant's email goes to. */
    public static final String EMAIL_SENT_TO = "<!-- email sent to -->";
    /** At the end of the confirmation page: the applicant's answers, to print or save. */
    public static final String ANSWERS = "<!-- answers -->";

    private PageMarkers() {
    }
}
