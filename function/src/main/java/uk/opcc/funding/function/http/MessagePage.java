package uk.opcc.funding.function.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.PageMarkers;

/**
 * The site's own baked page for the intake's messages (forms/message.html): the site's header,
 * footer, styles and contact details, with a title and a message put in. No second layout.
 */
final class MessagePage {
    private MessagePage() {
    }

    /** @param message HTML, already escaped where it carries anything typed */
    static String html(String title, String message) {
        return Baked.PAGE.replace(PageMarkers.TITLE, Html.escape(title)).replace(PageMarkers.MESSAGE, message);
    }

    /** Read once per warm function, on first use. */
    private static final class Baked {
        static final String PAGE = read();

        private static String read() {
            try (InputStream in = MessagePage.class.getResourceAsStream("/site-pages/forms/message.html")) {
                if (in == null) {
                    throw new IllegalStateException("forms/message.html is missing from the function's jar: bake the site first");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
