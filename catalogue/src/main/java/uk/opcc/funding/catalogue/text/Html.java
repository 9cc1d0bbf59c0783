package uk.opcc.funding.catalogue.text;

/** Escaping for text put into HTML or XML, element content or quoted attribute: the one place it is done. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
