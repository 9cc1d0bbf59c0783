package uk.opcc.funding.function.notify;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;

/**
 * {@link Mailer} through Amazon SES v2. With a configuration set, every email names it, so SES
 * requires TLS to the recipient's server and reports its bounces and complaints (see the CDK app's
 * Mail construct).
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final Optional<String> configurationSet;

    /** Without a configuration set: the local engines and tests. */
    public SesMailer(SesV2Client ses) {
        this(ses, Optional.empty());
    }

    public SesMailer(SesV2Client ses, Optional<String> configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
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
                configurationSet.ifPresent(b::configurationSetName);
            }).messageId();
        } catch (BadRequestException e) {
            // SES's answer for what it will never send, such as an address it calls illegal: not worth a retry.
            throw new EmailRefusedException("SES refused the email: " + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            // Includes the SDK's own call and attempt timeouts: the email may or may not have gone.
            throw new EmailFailedException("SES did not send the email", e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
