package dev.apigw.emulator.auth.iam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Credential} of a SigV4 signature, {@code AKID/20261127/us-east-1/execute-api/aws4_request}: whose key
 * signed, and the scope (date, region, service) the signing key was derived for.
 */
record SigningScope(String accessKeyId, String date, String region, String service, String terminator) {

    static final String SERVICE = "execute-api";
    static final String TERMINATOR = "aws4_request";

    /** The scope, or null when the credential does not have the five slash-separated parts. */
    static @Nullable SigningScope parse(String credential) {
        List<String> parts = List.of(credential.split("/", -1));
        if (parts.size() != 5) {
            return null;
        }
        return new SigningScope(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4));
    }

    /** {@code 20261127/us-east-1/execute-api/aws4_request}, as it appears in the string to sign. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    /**
     * AWS's objection to the scope, or null when it is one API Gateway accepts. Any region is accepted: a local
     * gateway serves whatever region the client is configured for. The wording is AWS's [K aws/aws-sdk-js#792,
     * joona/aws-es-curl#15 for the region text; the service and terminator texts follow the same pattern,
     * unconfirmed for execute-api].
     */
    @Nullable String problem() {
        if (!TERMINATOR.equals(terminator)) {
            return "Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '" + terminator
                    + "'. ";
        }
        if (!SERVICE.equals(service)) {
            return "Credential should be scoped to correct service: '" + SERVICE + "'. ";
        }
        if (region.isBlank()) {
            return "Credential should be scoped to a valid region, not '" + region + "'. ";
        }
        return null;
    }
}
