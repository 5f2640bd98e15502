package dev.apigw.importer;

import dev.apigw.importer.extensions.AuthorizerExtension;
import dev.apigw.importer.extensions.SpecNode;
import dev.apigw.model.ApiType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.SecurityRequirement;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The document's security schemes and what an operation's {@code security} means on API Gateway: the authorizers
 * it attaches, whether an API key is required, and whether it asks for IAM (SigV4) authorization.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-key-usage-plan-oas.html">API keys
 *     in OpenAPI</a>
 */
final class SecuritySchemes {

    private static final String SIGV4 = "awsSigv4";
    private static final String API_KEY_HEADER = "x-api-key";

    /** What an operation's security requirements amount to. */
    record Access(List<SecurityRequirement> security, boolean apiKeyRequired, boolean iam) {}

    private record Scheme(boolean apiKey, boolean sigv4, boolean authorizer) {}

    private final Map<String, Scheme> schemes = new LinkedHashMap<>();
    private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();
    private final String location;
    private final Problems problems;

    private SecuritySchemes(String location, Problems problems) {
        this.location = location;
        this.problems = problems;
    }

    static SecuritySchemes read(ParsedSpec spec, ApiType apiType, Problems problems) {
        SecuritySchemes read = new SecuritySchemes(spec.securitySchemesLocation(), problems);
        Components components = spec.openApi().getComponents();
        if (components == null || components.getSecuritySchemes() == null) {
            return read;
        }
        AuthorizerExtension authorizers = new AuthorizerExtension(apiType, problems);
        components.getSecuritySchemes().forEach((name, scheme) -> read.add(name, scheme, authorizers));
        return read;
    }

    private void add(String name, SecurityScheme scheme, AuthorizerExtension reader) {
        SpecNode extensions = SpecNode.of(scheme.getExtensions(), location + "." + name);
        boolean header = scheme.getIn() == SecurityScheme.In.HEADER;
        Authorizer authorizer = reader.read(name, header ? scheme.getName() : null, extensions);
        if (authorizer != null) {
            authorizers.put(name, authorizer);
        }
        // AWS requires an API key for a scheme that is exactly an x-api-key header without an authorizer.
        boolean apiKey = scheme.getType() == SecurityScheme.Type.APIKEY && header
                && API_KEY_HEADER.equalsIgnoreCase(scheme.getName())
                && !extensions.get(AuthorizerExtension.NAME).isPresent();
        String authType = extensions.get(AuthorizerExtension.AUTH_TYPE).text(problems);
        schemes.put(name, new Scheme(apiKey, SIGV4.equalsIgnoreCase(authType),
                extensions.get(AuthorizerExtension.NAME).isPresent()));
    }

    Map<String, Authorizer> authorizers() {
        return authorizers;
    }

    /** The names of all declared schemes, with or without an authorizer. */
    Set<String> names() {
        return schemes.keySet();
    }

    /** The schemes that carry {@code x-amazon-apigateway-authorizer}, whether it is valid or not. */
    Set<String> withAuthorizer() {
        return schemes.entrySet().stream().filter(e -> e.getValue().authorizer()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Where the schemes are declared ({@code components.securitySchemes} or {@code securityDefinitions}). */
    String location() {
        return location;
    }

    /**
     * The operation-level requirements. Root-level {@code security} is deliberately not passed here: API Gateway
     * does not apply it.
     */
    Access access(@Nullable List<? extends Map<String, List<String>>> declared, String at) {
        List<SecurityRequirement> security = new ArrayList<>();
        boolean apiKeyRequired = false;
        boolean iam = false;
        for (Map<String, List<String>> alternative : declared == null ? List.<Map<String, List<String>>>of() : declared) {
            for (Map.Entry<String, List<String>> requirement : alternative.entrySet()) {
                Scheme scheme = schemes.get(requirement.getKey());
                if (scheme == null) {
                    problems.error(at, "security refers to `" + requirement.getKey() + "`, which is not declared"
                            + " under " + location + ". Declare the scheme there, or remove the reference.");
                    continue;
                }
                List<String> scopes = requirement.getValue() == null ? List.of() : requirement.getValue();
                security.add(new SecurityRequirement(requirement.getKey(), scopes));
                apiKeyRequired |= scheme.apiKey();
                iam |= scheme.sigv4();
            }
        }
        return new Access(security, apiKeyRequired, iam);
    }
}
