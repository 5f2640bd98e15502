package dev.apigw.emulator.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * REST API parameter mapping: {@code requestParameters} of an integration ({@code integration.request.*} from the
 * method request, the body, stage variables, {@code $context} or static values) and {@code responseParameters} of an
 * integration response ({@code method.response.header.*}). Compiled once at startup, evaluated per request.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping.html
 */
public final class ParameterMapping {
    private static final String REQUEST_TARGET = "integration.request.";
    private static final String RESPONSE_TARGET = "method.response.header.";

    // A method response header mapped to one of these reaches the client as x-amzn-Remapped-<name>
    // [S TestApiGatewayHeaderRemapping, AWS-REFERENCE 5.6].
    private static final Set<String> REMAPPED_RESPONSE_HEADERS = Set.of("authorization", "connection",
            "content-length", "content-md5", "date", "expect", "host", "max-forwards", "proxy-authenticate", "server",
            "trailer", "upgrade", "user-agent", "www-authenticate");

    private ParameterMapping() {}

    /**
     * Which header rules an integration's request mapping follows (AWS-REFERENCE 5.6 [L]): {@code HTTP} for
     * {@code HTTP}, {@code HTTP_PROXY} and {@code MOCK}, {@code AWS} for {@code AWS} and {@code AWS_PROXY}.
     */
    public enum MappedIntegration {
        HTTP(Set.of("content-length", "transfer-encoding", "x-amzn-trace-id", "x-amzn-apigateway-api-id"),
                Set.of("expect", "proxy-authenticate", "te", "via")),
        AWS(Set.of("content-length", "transfer-encoding", "x-amzn-trace-id", "x-amzn-apigateway-api-id",
                "authorization", "connection", "expect", "proxy-authenticate", "te"),
                Set.of("expect", "proxy-authenticate", "te", "referer"));

        private final Set<String> rejected;
        private final Set<String> dropped;

        MappedIntegration(Set<String> rejected, Set<String> dropped) {
            this.rejected = rejected;
            this.dropped = dropped;
        }

        /** Whether mapping {@code integration.request.header.<name>} is a configuration error [L]. */
        public boolean rejects(String headerName) {
            return rejected.contains(headerName.toLowerCase(Locale.ROOT));
        }

        /**
         * Whether API Gateway drops this header from the integration request after mapping and template overrides
         * (HTTP: {@code Expect}, {@code Proxy-Authenticate}, {@code TE}, {@code Via}; AWS: the same with
         * {@code Referer} for {@code Via}) [L]. Applying this is the invoker's job, after overrides.
         */
        public boolean drops(String headerName) {
            return dropped.contains(headerName.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A body that starts like JSON ({@code {}, {@code [}, {@code '}, {@code "}) but does not parse, read by a body
     * mapping. On the request side API Gateway answers 400 {@code {"message":"Invalid JSON in request body"}}; on the
     * response side 500 Internal server error [L].
     */
    public static final class InvalidJsonBodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJsonBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@link #compileRequest(Map, String, MappedIntegration)} with the header rules of HTTP integrations. */
    public static RequestMapping compileRequest(Map<String, String> requestParameters, String location) {
        return compileRequest(requestParameters, location, MappedIntegration.HTTP);
    }

    /**
     * Compiles {@code requestParameters}.
     *
     * @param location where the map is in the document, e.g. {@code paths./pets.get.x-amazon-apigateway-integration
     *     .requestParameters}
     * @throws IllegalArgumentException for a malformed key or source, or a header API Gateway does not let a
     *     mapping set. AWS itself accepts such a header mapping and fails each request that maps a value to it with
     *     500 "Execution failed due to configuration error" [L]; the emulator reports it at startup instead.
     */
    public static RequestMapping compileRequest(Map<String, String> requestParameters, String location,
            MappedIntegration integration) {
        List<RequestTarget> targets = new ArrayList<>();
        new TreeMap<>(requestParameters).forEach((key, source) -> {
            String where = location + "." + key;
            RequestTarget.Location target = requestLocation(key, where);
            String name = key.substring(key.indexOf('.', REQUEST_TARGET.length()) + 1);
            if (target == RequestTarget.Location.HEADER && integration.rejects(name)) {
                throw new IllegalArgumentException(where + ": API Gateway sets " + name + " itself and fails every "
                        + "request of an " + integration + " integration that maps it; remove this mapping");
            }
            targets.add(new RequestTarget(target, name, source(source, where, true)));
        });
        return new RequestMapping(targets);
    }

    /**
     * Compiles an integration response's {@code responseParameters}.
     *
     * @throws IllegalArgumentException for a malformed key or source
     */
    public static ResponseMapping compileResponse(Map<String, String> responseParameters, String location) {
        List<ResponseTarget> targets = new ArrayList<>();
        new TreeMap<>(responseParameters).forEach((key, source) -> {
            String where = location + "." + key;
            String name = key.startsWith(RESPONSE_TARGET) ? key.substring(RESPONSE_TARGET.length()) : "";
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(where + ": expected a key of the form " + RESPONSE_TARGET
                        + "NAME; write the method response header to set, e.g. " + RESPONSE_TARGET + "Location");
            }
            boolean remapped = REMAPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            targets.add(new ResponseTarget(remapped ? "x-amzn-Remapped-" + name : name, source(source, where, false)));
        });
        return new ResponseMapping(targets);
    }

    private static RequestTarget.Location requestLocation(String key, String where) {
        String rest = key.startsWith(REQUEST_TARGET) ? key.substring(REQUEST_TARGET.length()) : "";
        int dot = rest.indexOf('.');
        String location = dot < 0 ? "" : rest.substring(0, dot);
        String name = dot < 0 ? "" : rest.substring(dot + 1);
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            location = "";
        }
        return switch (location) {
            case "path" -> RequestTarget.Location.PATH;
            case "querystring" -> RequestTarget.Location.QUERYSTRING;
            case "header" -> RequestTarget.Location.HEADER;
            default -> throw new IllegalArgumentException(where + ": expected a key of the form " + REQUEST_TARGET
                    + "{path|querystring|header}.NAME, e.g. " + REQUEST_TARGET + "header.x-user-id");
        };
    }

    private static ParameterMappingSource source(@Nullable String source, String where, boolean request) {
        try {
            String expression = source == null ? "" : source.strip();
            return request ? ParameterMappingSource.parseRequest(expression)
                    : ParameterMappingSource.parseResponse(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private record RequestTarget(Location location, String name, ParameterMappingSource source) {
        enum Location { PATH, QUERYSTRING, HEADER }
    }

    private record ResponseTarget(String header, ParameterMappingSource source) {}

    /** A compiled {@code requestParameters} map. */
    public static final class RequestMapping {
        private final List<RequestTarget> targets;

        private RequestMapping(List<RequestTarget> targets) {
            this.targets = List.copyOf(targets);
        }

        public boolean isEmpty() {
            return targets.isEmpty();
        }

        /**
         * What to send to the integration. A target whose source has no value is left out [L]; a multi-value query
         * string source gives a query string or header several values and a path parameter their comma-joined text.
         *
         * @param context {@code $context} lookup by name without the prefix, e.g. {@code identity.sourceIp}
         * @throws InvalidJsonBodyException when a body mapping meets a body that starts like JSON but is not
         */
        public IntegrationRequestParameters apply(MethodRequestParameters params, String body,
                Function<String, @Nullable String> context, Map<String, String> stageVariables) {
            if (targets.isEmpty()) {
                return IntegrationRequestParameters.none();
            }
            ParameterMappingInputs in = ParameterMappingInputs.request(params, body, context, stageVariables);
            Map<String, String> path = new LinkedHashMap<>();
            Map<String, List<String>> querystring = new LinkedHashMap<>();
            Map<String, List<String>> header = new LinkedHashMap<>();
            for (RequestTarget target : targets) {
                List<String> values = target.source().values(in);
                if (values.isEmpty()) {
                    continue;
                }
                switch (target.location()) {
                    case PATH -> path.put(target.name(), String.join(",", values));
                    case QUERYSTRING -> querystring.put(target.name(), values);
                    case HEADER -> header.put(target.name(), values);
                }
            }
            return new IntegrationRequestParameters(path, querystring, header);
        }
    }

    /** A compiled {@code responseParameters} map of one integration response. */
    public static final class ResponseMapping {
        private final List<ResponseTarget> targets;

        private ResponseMapping(List<ResponseTarget> targets) {
            this.targets = List.copyOf(targets);
        }

        public boolean isEmpty() {
            return targets.isEmpty();
        }

        /**
         * The method response headers to set, in key order. Mappings to headers API Gateway owns (Date, Server,
         * Content-Length, …) come back already renamed {@code x-amzn-Remapped-<name>}, as the client sees them [S].
         *
         * @param headers the integration response's headers; names are matched ignoring case
         * @throws InvalidJsonBodyException when a body mapping meets a body that starts like JSON but is not
         */
        public Map<String, String> apply(Map<String, List<String>> headers, String body,
                Function<String, @Nullable String> context, Map<String, String> stageVariables) {
            if (targets.isEmpty()) {
                return Map.of();
            }
            ParameterMappingInputs in = ParameterMappingInputs.response(headers, body, context, stageVariables);
            Map<String, String> mapped = new LinkedHashMap<>();
            for (ResponseTarget target : targets) {
                List<String> values = target.source().values(in);
                if (!values.isEmpty()) {
                    mapped.put(target.header(), String.join(",", values));
                }
            }
            return mapped;
        }
    }
}
