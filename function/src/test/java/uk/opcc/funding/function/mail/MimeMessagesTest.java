package uk.opcc.funding.function.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeMessagesTest {
    static final Instant AT = Instant.parse("2030-03-12T12:00:00Z");
    static final Email STAFF = new Email("grants@funding.example.gov.uk", "sam@example.org",
            "Safer Villages Grant · Moorside Lanes Watch · £1,250.50 · KX7P-M2RD and a long subject that must be folded over two lines",
            "Text with £ and\nlines\n", "<p>HTML with £</p>");

    static MimeMessage read(byte[] mime) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
    }

    @Test
    void theSameEmailDateAndIdWriteTheSameBytes() {
        byte[] first = MimeMessages.write(STAFF, "no-reply@funding.example.gov.uk", AT, "id-1@funding.example.gov.uk");
        byte[] again = MimeMessages.write(STAFF, "no-reply@funding.example.gov.uk", AT, "id-1@funding.example.gov.uk");
        byte[] other = MimeMessages.write(STAFF, "no-reply@funding.example.gov.uk", AT, "id-2@funding.example.gov.uk");

        assertThat(first).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void writesAsciiHeadersWithEncodedWordsFoldedLinesAndTheDateInUtc() throws Exception {
        byte[] mime = MimeMessages.write(STAFF, "no-reply@funding.example.gov.uk", AT, "id-1@funding.example.gov.uk");
        String raw = new String(mime, StandardCharsets.ISO_8859_1);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));

        assertThat(headers.chars()).allMatch(c -> c < 128);
        assertThat(headers).contains("=?UTF-8?", "Date: Tue, 12 Mar 2030 12:00:00 GMT", "Message-ID: <id-1@funding.example.gov.uk>",
                "From: no-reply@funding.example.gov.uk", "Reply-To: sam@example.org", "To: grants@funding.example.gov.uk");
        assertThat(headers.lines()).allMatch(line -> line.length() <= 78);
        MimeMessage read = read(mime);
        assertThat(read.getSubject()).isEqualTo(STAFF.subject());
        Multipart alternative = (Multipart) read.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Text with £ and\nlines\n");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>HTML with £</p>");
    }

    @Test
    void aPackIsItsTextWithTheCsvAttachedInBase64() throws Exception {
        String csv = "reference,organisation\r\nKX7P-M2RD,\"'=HYPERLINK(\"\"x\"\")\"\r\n";
        Email pack = new Email("grants@funding.example.gov.uk", null, "Panel pack: Safer Villages Grant", "3 applications\n", null,
                List.of(new Attachment("safer-villages-fund-NV-2030-R1.csv", "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8))));

        byte[] mime = MimeMessages.write(pack, "no-reply@funding.example.gov.uk", AT, "id-3@funding.example.gov.uk");
        MimeMessage read = read(mime);

        Multipart mixed = (Multipart) read.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContent()).isEqualTo("3 applications\n");
        Part csvPart = mixed.getBodyPart(1);
        assertThat(csvPart.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(csvPart.getFileName()).isEqualTo("safer-villages-fund-NV-2030-R1.csv");
        assertThat(csvPart.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(csvPart.getInputStream().readAllBytes()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(read.getHeader("Reply-To")).isNull();
    }

    @Test
    void nothingInAnEmailCanAddAHeaderOrAPart() throws Exception {
        Email hostile = new Email("grants@funding.example.gov.uk", null, "Subject\r\nBcc: victim@example.com",
                "--=_alt-id-4funding.example.gov.uk--\r\nBcc: victim@example.com\r\n", "<p>--=_alt</p>");

        MimeMessage read = read(MimeMessages.write(hostile, "no-reply@funding.example.gov.uk", AT, "id-4@funding.example.gov.uk"));

        assertThat(read.getHeader("Bcc")).isNull();
        assertThat(read.getSubject()).isEqualTo("Subject Bcc: victim@example.com");
        Multipart alternative = (Multipart) read.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo(hostile.text());
    }

    @Test
    void anAttachmentNameIsOursAndPlain() {
        assertThatThrownBy(() -> new Attachment("a\"; name=evil.exe", "text/csv", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
