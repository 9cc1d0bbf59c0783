package uk.opcc.funding.function.mail;

import java.util.Arrays;

/**
 * A file sent with an email.
 *
 * @param fileName    ours, never a visitor's: letters, digits, dots and dashes (the catalogue keeps
 *                    fund and round ids so), so it needs no encoding in a header
 * @param contentType its MIME type, such as {@code text/csv; charset=UTF-8}
 */
public record Attachment(String fileName, String contentType, byte[] content) {
    public Attachment {
        if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,100}")) {
            throw new IllegalArgumentException("An attachment's name is ours and plain: " + fileName);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + content.length + " bytes)";
    }
}
