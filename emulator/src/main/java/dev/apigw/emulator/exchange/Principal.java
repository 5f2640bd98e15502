package dev.apigw.emulator.exchange;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who the authorize stage let in, and the one place that knows how each API type and payload format shows it:
 * {@code requestContext.authorizer} in events and {@code $context.authorizer} in templates and parameter mappings
 * (AWS-REFERENCE 1.3, 2.1, 2.2, 8.3–8.7).
 */
public sealed interface Principal {

    Principal ANONYMOUS = new Anonymous();

    /** No authorizer ran (a method with {@code NONE} authorization, or only an API key). */
    record Anonymous() implements Principal {}

    /**
     * A Lambda authorizer's output.
     *
     * @param principalId null when the function gave none (HTTP API simple responses have none)
     * @param context in the order returned; REST and policy-form outputs hold strings only, HTTP API 2.0 simple
     *     responses may hold lists and maps
     */
    record Lambda(@Nullable String principalId, Map<String, Object> context) implements Principal {
        public Lambda {
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /**
     * A verified JWT (HTTP API JWT authorizer).
     *
     * @param claims every claim rendered as a string, as AWS does
     * @param scopes the token's scopes when the route has authorization scopes; null when it has none
     */
    record Jwt(Map<String, String> claims, @Nullable List<String> scopes) implements Principal {
        public Jwt {
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
            scopes = scopes == null ? null : List.copyOf(scopes);
        }
    }

    /** A verified Cognito user pool token (REST {@code COGNITO_USER_POOLS} authorizer); claims as strings. */
    record Cognito(Map<String, String> claims) implements Principal {
        public Cognito {
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        }
    }

    /**
     * A SigV4-authenticated IAM caller ({@code AWS_IAM} authorization).
     *
     * @param userId the IAM user id, AWS's {@code caller} / {@code user} / {@code userId}
     */
    record Iam(String accessKey, String accountId, String userId, String userArn) implements Principal {
        public Iam {
            requireNonNull(accessKey, "accessKey");
            requireNonNull(accountId, "accountId");
            requireNonNull(userId, "userId");
            requireNonNull(userArn, "userArn");
        }
    }

    /**
     * REST {@code requestContext.authorizer} and {@code $context.authorizer}: a Lambda authorizer's context values,
     * then {@code principalId} and {@code integrationLatency}; Cognito's {@code claims}. Empty when the block is
     * absent (no authorizer, or IAM, whose caller is in {@code identity} instead).
     */
    default Map<String, Object> restAuthorizer() {
        Map<String, Object> block = new LinkedHashMap<>();
        if (this instanceof Lambda lambda) {
            block.putAll(lambda.context());
            if (lambda.principalId() != null) {
                block.put("principalId", lambda.principalId());
            }
            block.put("integrationLatency", 0);
        } else if (this instanceof Cognito cognito) {
            block.put("claims", cognito.claims());
        }
        return block;
    }

    /**
     * HTTP API payload 1.0 {@code requestContext.authorizer}, also {@code $context.authorizer} in HTTP API parameter
     * mappings: a Lambda authorizer's context flat (with principalId and integrationLatency, as REST), a JWT's
     * {@code claims} and {@code scopes} [D 1.0 sample: {@code {claims, scopes}}].
     */
    default Map<String, Object> httpV1Authorizer() {
        Map<String, Object> block = new LinkedHashMap<>();
        if (this instanceof Jwt jwt) {
            block.put("claims", jwt.claims());
            block.put("scopes", jwt.scopes());
        } else if (this instanceof Lambda) {
            block.putAll(restAuthorizer());
        } else if (this instanceof Iam) {
            block.putAll(httpV2Authorizer());
        }
        return block;
    }

    /**
     * HTTP API payload 2.0 {@code requestContext.authorizer}: {@code {"jwt": {claims, scopes}}},
     * {@code {"lambda": {...}}} or {@code {"iam": {...}}} [E aws-lambda-go v2 captures]; empty when absent.
     */
    default Map<String, Object> httpV2Authorizer() {
        Map<String, Object> block = new LinkedHashMap<>();
        if (this instanceof Jwt jwt) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("claims", jwt.claims());
            inner.put("scopes", jwt.scopes());
            block.put("jwt", inner);
        } else if (this instanceof Lambda lambda) {
            block.put("lambda", lambda.context());
        } else if (this instanceof Iam iam) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("accessKey", iam.accessKey());
            inner.put("accountId", iam.accountId());
            inner.put("callerId", iam.userId());
            inner.put("cognitoIdentity", null);
            inner.put("principalOrgId", null);
            inner.put("userArn", iam.userArn());
            inner.put("userId", iam.userId());
            block.put("iam", inner);
        }
        return block;
    }
}
