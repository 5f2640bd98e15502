package dev.apigw.emulator.auth.iam;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A well-formed SigV4 signature as a request carries it.
 *
 * @param location where it came: the {@code Authorization} header, or the query string of a presigned URL
 * @param signedHeaders the lower-case header names the client signed, in its order
 * @param signature the hex signature the client computed
 * @param signedAt the signing time ({@code X-Amz-Date}, or the {@code Date} header)
 * @param expires a presigned URL's {@code X-Amz-Expires}; null when the request has none
 */
record SigV4Signature(Location location, SigningScope scope, List<String> signedHeaders, String signature,
        Instant signedAt, @Nullable Duration expires) {

    enum Location { HEADER, QUERY_STRING }

    SigV4Signature {
        requireNonNull(location, "location");
        requireNonNull(scope, "scope");
        signedHeaders = List.copyOf(signedHeaders);
        requireNonNull(signature, "signature");
        requireNonNull(signedAt, "signedAt");
    }
}
