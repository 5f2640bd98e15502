package dev.apigw.emulator.exchange;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What AWS calls {@code requestContext} in events and {@code $context} in templates: the per-request
 * facts the gateway knows besides the request itself.
 *
 * @param requestId a UUID, also sent back as {@code x-amzn-RequestId}
 * @param extendedRequestId API Gateway's short base64-like id
 * @param requestTime when the request arrived
 * @param apiId the API's id (a stable 10-character id derived from its title)
 * @param domainName the {@code Host} the client used
 * @param stageVariables the stage's variables; null when the stage has none (AWS sends {@code null})
 * @param canaryRequest whether the stage's canary serves this request ({@code $context.isCanaryRequest})
 */
public record RequestContext(
        String requestId,
        String extendedRequestId,
        Instant requestTime,
        String accountId,
        String apiId,
        String deploymentId,
        String domainName,
        String domainPrefix,
        String protocol,
        String sourceIp,
        @Nullable String userAgent,
        @Nullable Map<String, String> stageVariables,
        boolean canaryRequest) {

    /** The context of a request outside any canary. */
    public RequestContext(String requestId, String extendedRequestId, Instant requestTime, String accountId,
            String apiId, String deploymentId, String domainName, String domainPrefix, String protocol,
            String sourceIp, @Nullable String userAgent, @Nullable Map<String, String> stageVariables) {
        this(requestId, extendedRequestId, requestTime, accountId, apiId, deploymentId, domainName, domainPrefix,
                protocol, sourceIp, userAgent, stageVariables, false);
    }

    public RequestContext {
        requireNonNull(requestId, "requestId");
        requireNonNull(extendedRequestId, "extendedRequestId");
        requireNonNull(requestTime, "requestTime");
        requireNonNull(accountId, "accountId");
        requireNonNull(apiId, "apiId");
        requireNonNull(deploymentId, "deploymentId");
        requireNonNull(domainName, "domainName");
        requireNonNull(domainPrefix, "domainPrefix");
        requireNonNull(protocol, "protocol");
        requireNonNull(sourceIp, "sourceIp");
        stageVariables = stageVariables == null || stageVariables.isEmpty() ? null : Map.copyOf(stageVariables);
    }
}
