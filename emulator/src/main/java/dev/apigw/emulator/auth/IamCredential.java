package dev.apigw.emulator.auth;

import static java.util.Objects.requireNonNull;

/**
 * An IAM user's access key the emulator accepts on {@code AWS_IAM} routes ({@code --iam-credentials}).
 *
 * @param userName the IAM user the key belongs to, for {@code $context.identity.userArn}
 */
public record IamCredential(String accessKeyId, String secretAccessKey, String userName) {

    /** The user name when {@code ACCESS_KEY:SECRET} names none. */
    public static final String DEFAULT_USER = "apigw-local";

    public IamCredential {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(secretAccessKey, "secretAccessKey");
        requireNonNull(userName, "userName");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank() || userName.isBlank()) {
            throw new IllegalArgumentException("access key id, secret and user name must not be blank");
        }
    }

    public IamCredential(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, DEFAULT_USER);
    }

    /**
     * {@code ACCESS_KEY:SECRET} or {@code ACCESS_KEY:SECRET:USER_NAME}.
     *
     * @throws IllegalArgumentException with the expected form
     */
    public static IamCredential parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()
                || parts.length == 3 && parts[2].isBlank()) {
            throw new IllegalArgumentException("expected ACCESS_KEY:SECRET or ACCESS_KEY:SECRET:USER_NAME, e.g."
                    + " AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG, but found '" + text + "'");
        }
        return new IamCredential(parts[0], parts[1], parts.length == 3 ? parts[2] : DEFAULT_USER);
    }

    /** Secrets stay out of logs and test reports. */
    @Override
    public String toString() {
        return "IamCredential[" + accessKeyId + ", user " + userName + "]";
    }
}
