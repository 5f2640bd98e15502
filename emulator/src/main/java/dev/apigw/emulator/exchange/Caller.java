package dev.apigw.emulator.exchange;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What the access-control stages learnt about the client: the authorized principal and the API key it used.
 *
 * @param apiKey the API key value when an {@code apiKeyRequired} method admitted it ({@code $context.identity.apiKey})
 * @param apiKeyId that key's id ({@code $context.identity.apiKeyId})
 */
public record Caller(Principal principal, @Nullable String apiKey, @Nullable String apiKeyId) {

    public static final Caller ANONYMOUS = new Caller(Principal.ANONYMOUS, null, null);

    public Caller {
        requireNonNull(principal, "principal");
    }

    /** The IAM caller, when SigV4 authenticated the request. */
    public Principal.@Nullable Iam iam() {
        return principal instanceof Principal.Iam iam ? iam : null;
    }
}
