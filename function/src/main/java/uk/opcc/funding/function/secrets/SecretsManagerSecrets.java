package uk.opcc.funding.function.secrets;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** {@link Secrets} from AWS Secrets Manager: one GetSecretValue per secret, the current version. */
public final class SecretsManagerSecrets implements Secrets {
    private final SecretsManagerClient client;

    public SecretsManagerSecrets(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public String read(String name) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(b -> b.secretId(name));
        } catch (SdkException e) {
            // The SDK's message names the secret and the reason (not found, access denied), never a value.
            throw new SecretUnavailableException("Could not read the secret " + name + ": " + e.getMessage(), e);
        }
        if (response.secretString() == null || response.secretString().isBlank()) {
            throw new SecretUnavailableException("The secret " + name + " holds no text (a binary secret, or empty)");
        }
        return response.secretString();
    }
}
