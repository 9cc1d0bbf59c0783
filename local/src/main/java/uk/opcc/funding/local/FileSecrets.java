package uk.opcc.funding.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import uk.opcc.funding.function.secrets.SecretUnavailableException;
import uk.opcc.funding.function.secrets.Secrets;

/**
 * The local run's secrets, one file each in its work folder ({@code .local/confirmation.key}):
 * made once, at random, readable by its owner only, and kept, so confirmation links stay good
 * across restarts. In AWS the same port reads Secrets Manager.
 */
final class FileSecrets implements Secrets {
    private final Path folder;

    FileSecrets(Path folder) {
        this.folder = folder;
    }

    @Override
    public String read(String name) {
        Path file = folder.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            Files.createDirectories(folder);
            Files.writeString(file, encoded + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            return encoded;
        } catch (IOException e) {
            throw new SecretUnavailableException("Could not read or make " + file, new UncheckedIOException(e));
        }
    }
}
