package uk.opcc.funding.function.ses;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.mail.MimeMessages;

/**
 * {@link Mailer} through Amazon SES v2: every email, with or without attachments, as the raw MIME
 * message {@link MimeMessages} writes, so what SES sends is what the local outbox shows. With a
 * configuration set, every email names it, so SES requires TLS to the recipient's server and
 * reports its bounces and complaints (see the CDK app's Mail construct).
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final Optional<String> configurationSet;
    private final Clock clock;
    private final Supplier<String> messageIds;

    /** Without a configuration set: the local engines and tests. */
    public SesMailer(SesV2Client ses) {
        this(ses, Optional.empty());
    }

    public SesMailer(SesV2Client ses, Optional<String> configurationSet) {
        this(ses, configurationSet, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** @param messageIds the local part of each message's id (SES puts its own id in its place) */
    public SesMailer(SesV2Client ses, Optional<String> configurationSet, Clock clock, Supplier<String> messageIds) {
        this.ses = ses;
        this.configurationSet = configurationSet;
        this.clock = clock;
        this.messageIds = messageIds;
    }

    @Override
    public String send(Email email, String from) {
        byte[] mime = MimeMessages.write(email, from, clock.instant(), messageIds.get() + "@" + domainOf(from));
        try {
            return ses.sendEmail(b -> {
                b.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(email.to()))
                        .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(mime))));
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

    /** The sender's domain, for the message's id: {@code no-reply@funding.example} gives {@code funding.example}. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    }
}
