package dev.apigw.emulator.auth.iam;

import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.exchange.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The IAM user behind an access key, as AWS_IAM authorization shows it to the integration. */
final class IamIdentity {
    /** The characters of AWS's unique ids (IAM user ids look like {@code AIDAJQABLZS4A3QDU576Q}). */
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private IamIdentity() {}

    /** The caller: {@code arn:aws:iam::{account}:user/{name}} and a user id that stays the same for the key. */
    static Principal.Iam of(IamCredential credential, String accountId) {
        return new Principal.Iam(credential.accessKeyId(), accountId, userId(credential.accessKeyId()),
                "arn:aws:iam::" + accountId + ":user/" + credential.userName());
    }

    /** {@code AIDA} (AWS's prefix for IAM users) and 17 characters derived from the access key. */
    static String userId(String accessKeyId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(accessKeyId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder id = new StringBuilder("AIDA");
        for (int i = 0; i < 17; i++) {
            id.append(ID_CHARACTERS.charAt(digest[i] & 31));
        }
        return id.toString();
    }
}
