package uk.opcc.funding.function.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.crac.Context;
import org.crac.Resource;
import uk.opcc.funding.function.log.Log;
import uk.opcc.funding.function.config.IntakeConfig;
import uk.opcc.funding.function.intake.ConfirmationToken;

/**
 * The intake's two secrets, read once and kept for the life of the JVM: the key that signs
 * confirmation links, and the value CloudFront sends to prove a request came through it.
 *
 * <p>SnapStart: a snapshot is taken after the function's init and priming, and every instance
 * restored from it, for as long as that version lives, starts from its memory. A key read during
 * init would be in that snapshot, on disk at Lambda and in every copy. So, when Lambda says the
 * init is the one to be snapshotted ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), the
 * wiring does not load them; {@link #afterRestore} reads them as the restored JVM starts, before
 * its first request, and {@link #beforeCheckpoint} wipes anything read before the snapshot all
 * the same. Without SnapStart (an on-demand init, the local run, tests) they are read at init, so
 * a missing secret or permission stops the start-up with its name. Either way a request never
 * waits on a read but the first after a restore's, and only if the restore's read failed.
 */
public final class IntakeSecrets implements Resource {
    private final Secrets source;
    private final IntakeConfig.SecretNames names;
    private volatile Loaded loaded;

    private record Loaded(byte[] confirmationKey, Optional<String> origin) {
    }

    public IntakeSecrets(Secrets source, IntakeConfig.SecretNames names) {
        this.source = source;
        this.names = names;
    }

    /** Reads both secrets now (again, if they were read before). */
    public synchronized void load() {
        byte[] key = source.read(names.confirmationKey()).strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < ConfirmationToken.MIN_KEY_LENGTH) {
            throw new SecretUnavailableException("The secret " + names.confirmationKey() + " is shorter than "
                    + ConfirmationToken.MIN_KEY_LENGTH + " characters: too short to sign confirmation links");
        }
        loaded = new Loaded(key, names.origin().map(source::read).map(String::strip));
    }

    public boolean isLoaded() {
        return loaded != null;
    }

    /** The key that signs confirmation links; read now if it has not been. */
    public byte[] confirmationKey() {
        return current().confirmationKey();
    }

    /** What CloudFront sends as {@code x-origin-verify}; empty where nothing stands in front (the local run). */
    public Optional<String> origin() {
        return current().origin();
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null) {
            synchronized (this) {
                if (loaded == null) {
                    load();
                }
                now = loaded;
            }
        }
        return now;
    }

    /** Nothing secret goes into a snapshot: anything read before it is wiped and forgotten. */
    @Override
    public synchronized void beforeCheckpoint(Context<? extends Resource> context) {
        if (loaded != null) {
            Arrays.fill(loaded.confirmationKey(), (byte) 0);
            loaded = null;
        }
    }

    /**
     * The restored JVM reads the secrets before its first request. A failure here (Secrets
     * Manager briefly unreachable) is not the restore's: the first request tries again and, if
     * that fails too, gets the intake's error page.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        try {
            load();
        } catch (RuntimeException e) {
            Log.error("secrets-not-read-after-restore", java.util.Map.of(), e);
        }
    }
}
