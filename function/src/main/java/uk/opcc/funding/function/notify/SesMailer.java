package uk.opcc.funding.function.notify;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;

/** {@link Mailer} through Amazon SES v2. */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;

    public SesMailer(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public String send(Email email, String from) {
        try {
            return ses.sendEmail(b -> {
                b.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(email.to()))
                        .content(c -> c.simple(Message.builder()
                                .subject(utf8(email.subject()))
                                .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                                .build()));
                if (email.replyTo() != null) {
                    b.replyToAddresses(email.replyTo());
                }
            }).messageId();
        } catch (SdkException e) {
            // Includes the SDK's own call and attempt timeouts: the email may or may not have gone.
            throw new EmailFailedException("SES did not send the email", e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
