package dev.apigw.emulator.support;

import dev.apigw.model.ApiType;
import java.util.List;
import java.util.Locale;

/**
 * The root-level settings of how clients reach a REST or HTTP API and how it answers them on the wire: endpoint
 * configuration, TLS security policy and endpoint access mode. apigw serves plain HTTP on the address it is given,
 * so none of them applies. (Compression, {@code x-amazon-apigateway-minimum-compression-size}, is enforced.)
 */
final class EndpointSettings {

    static final String ENDPOINT_CONFIGURATION = "x-amazon-apigateway-endpoint-configuration";
    static final String SECURITY_POLICY = "x-amazon-apigateway-security-policy";
    static final String ENDPOINT_ACCESS_MODE = "x-amazon-apigateway-endpoint-access-mode";
    private static final String DEFAULT_SECURITY_POLICY = "TLS_1_0";

    private EndpointSettings() {}

    static void collect(WrittenNode root, ApiType apiType, List<Unenforced> into) {
        // Swagger 2.0 writes the endpoint configuration at the root, OpenAPI 3 under each servers entry [D].
        endpointConfiguration(root.get(ENDPOINT_CONFIGURATION), apiType, into);
        for (WrittenNode server : root.get("servers").elements()) {
            endpointConfiguration(server.get(ENDPOINT_CONFIGURATION), apiType, into);
        }
        if (apiType != ApiType.REST) {
            // The other extensions are REST-only: AWS ignores them on HTTP APIs, and the importer says so.
            return;
        }
        WrittenNode securityPolicy = root.get(SECURITY_POLICY);
        // [D apigateway-security-policies]: the policy sets the TLS versions and cipher suites of the handshake.
        // TLS_1_0, the default, turns no client away, so it is not reported.
        if (securityPolicy.isPresent() && !securityPolicy.text().equalsIgnoreCase(DEFAULT_SECURITY_POLICY)) {
            into.add(securityPolicy.unenforced(SECURITY_POLICY, "apigw serves plain HTTP, so TLS versions and cipher"
                    + " suites are not restricted"));
        }
        WrittenNode accessMode = root.get(ENDPOINT_ACCESS_MODE);
        if (accessMode.isPresent() && accessMode.text().toUpperCase(Locale.ROOT).equals("STRICT")) {
            // [D apigateway-security-policies]: STRICT refuses requests from another endpoint type or whose SNI
            // host does not match; BASIC checks neither, which is what apigw does anyway.
            into.add(accessMode.unenforced(ENDPOINT_ACCESS_MODE, "requests are not checked for the endpoint type"
                    + " they come through or for a matching SNI host name"));
        }
    }

    private static void endpointConfiguration(WrittenNode configuration, ApiType apiType, List<Unenforced> into) {
        WrittenNode disable = configuration.get("disableExecuteApiEndpoint");
        if (disable.isTrue()) {
            // [D rest-api-disable-default-endpoint, http-api-disable-default-endpoint]: clients must come through a
            // custom domain name; a request to the execute-api endpoint gets 403 Forbidden (status documented for
            // REST APIs, assumed the same for HTTP APIs).
            into.add(disable.unenforced(ENDPOINT_CONFIGURATION + ".disableExecuteApiEndpoint", "apigw serves the API"
                    + " at its own address all the same, where AWS refuses every request to the default"
                    + " execute-api endpoint"));
        }
        WrittenNode vpcEndpoints = configuration.get("vpcEndpointIds");
        // Private APIs, and with them VPC endpoints, are REST-only [D].
        if (apiType == ApiType.REST && vpcEndpoints.isNonEmptyList()) {
            into.add(vpcEndpoints.unenforced(ENDPOINT_CONFIGURATION + ".vpcEndpointIds", "any caller reaches the"
                    + " API, where AWS admits only requests through the listed VPC endpoints"));
        }
    }
}
