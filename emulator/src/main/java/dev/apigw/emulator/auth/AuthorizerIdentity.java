package dev.apigw.emulator.auth;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.exchange.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The values of a Lambda authorizer's identity sources in one request, in the order the sources are listed: what
 * the event's {@code identitySource} shows and what keys the cache. API Gateway calls the function only when every
 * source is present and not empty; otherwise the client gets 401 [D].
 *
 * @param values one per source; complete only when {@code missing} is null
 * @param missing the first source the request lacks or leaves empty; null when all are there
 */
record AuthorizerIdentity(List<String> values, @Nullable AuthorizerIdentitySource missing) {

    AuthorizerIdentity {
        values = List.copyOf(values);
    }

    static AuthorizerIdentity read(List<AuthorizerIdentitySource> sources, Exchange exchange) {
        return read(sources, source -> source.valueIn(exchange));
    }

    /** The same for a request that is not an {@link Exchange} (a WebSocket handshake): {@code valueOf} reads each. */
    static AuthorizerIdentity read(List<AuthorizerIdentitySource> sources,
            Function<AuthorizerIdentitySource, @Nullable String> valueOf) {
        List<String> values = new ArrayList<>(sources.size());
        for (AuthorizerIdentitySource source : sources) {
            String value = valueOf.apply(source);
            if (value == null || value.isEmpty()) {
                return new AuthorizerIdentity(values, source);
            }
            values.add(value);
        }
        return new AuthorizerIdentity(values, null);
    }

    boolean complete() {
        return missing == null;
    }

    /** Why the request is refused, for the log; only for an incomplete identity. */
    String missingDetail() {
        return "identity source " + requireNonNull(missing, "missing").written() + " is missing or empty";
    }
}
