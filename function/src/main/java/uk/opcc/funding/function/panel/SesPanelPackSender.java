package uk.opcc.funding.function.panel;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.function.notify.EmailFailedException;

/** {@link PanelPackSender} through Amazon SES v2: raw MIME content, the only way to attach the CSV. */
public final class SesPanelPackSender implements PanelPackSender {
    private final SesV2Client ses;
    private final Optional<String> configurationSet;

    /** Without a configuration set: the local engines and tests. */
    public SesPanelPackSender(SesV2Client ses) {
        this(ses, Optional.empty());
    }

    /** With the configuration set every email of the deployment goes through, as {@code SesMailer}. */
    public SesPanelPackSender(SesV2Client ses, Optional<String> configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(PanelPack pack, String from) {
        byte[] mime = PackMime.of(pack, from, ZonedDateTime.now(), UUID.randomUUID() + "@panel-pack");
        try {
            return ses.sendEmail(b -> {
                b.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(pack.to()))
                        .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(mime))));
                configurationSet.ifPresent(b::configurationSetName);
            }).messageId();
        } catch (SdkException e) {
            throw new EmailFailedException("SES did not send the panel pack", e);
        }
    }
}
