package uk.opcc.funding.function.secrets;

/**
 * Where the intake's secrets come from: Secrets Manager in AWS ({@link SecretsManagerSecrets}),
 * a file in the local run. Settings name a secret; its value is read here and never becomes a
 * setting, so it is in no environment variable, template or log.
 */
public interface Secrets {
    /**
     * @param name the secret's name or ARN (in AWS), or its file's name (locally)
     * @throws SecretUnavailableException naming the secret, never showing its value
     */
    String read(String name);
}
