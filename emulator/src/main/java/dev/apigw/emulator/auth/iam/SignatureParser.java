package dev.apigw.emulator.auth.iam;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.events.QueryString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the SigV4 signature off a request, in the {@code Authorization} header or in a presigned URL's query string,
 * and words every way it can be malformed as AWS does. Checking the signature itself is {@link SignatureVerifier}'s
 * job.
 */
final class SignatureParser {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The longest a presigned URL may live, as AWS's signers enforce (seven days). */
    private static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final List<String> QUERY_PARAMETERS = List.of(
            "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

    /** Either a signature to verify or AWS's refusal (Missing Authentication Token for an unsigned request). */
    record Parsed(@Nullable SigV4Signature signature, @Nullable IamRefusal refusal) {
        static Parsed refused(IamRefusal refusal) {
            return new Parsed(null, refusal);
        }
    }

    private SignatureParser() {}

    static Parsed parse(GatewayRequest request) {
        Optional<String> authorization = request.headers().first("Authorization").filter(value -> !value.isBlank());
        if (authorization.isPresent()) {
            return fromHeader(authorization.get().trim(), request.headers());
        }
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        if (query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Credential")
                || query.containsKey("X-Amz-Signature")) {
            return fromQuery(query);
        }
        return Parsed.refused(IamRefusal.missingAuthenticationToken());
    }

    /**
     * {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. AWS reads any scheme this way, so a
     * {@code Bearer} token gets the "missing equal-sign" answer and a bare token the list of missing parameters
     * [K serverless/serverless#3205, aws/chalice#828, nordcloud/cognitocurl#28]. The parameters are split at commas
     * and whitespace alike, so {@code Credential= AKID...} is refused naming {@code AKID...} as the pair without an
     * equal sign [K RhinoSecurityLabs/IPRotate_Burp_Extension#25, iann0036/cloud9-sync#10].
     */
    private static Parsed fromHeader(String value, Headers headers) {
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : (space < 0 ? "" : value.substring(space + 1)).split("[,\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                return Parsed.refused(IamRefusal.incomplete("'" + pair + "' not a valid key=value pair (missing"
                        + " equal-sign) in Authorization header: '" + value + "'."));
            }
            parameters.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
        }
        String dateText = headers.first("X-Amz-Date").or(() -> headers.first("Date")).orElse(null);
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parameters.containsKey(name)) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        if (dateText == null) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            return Parsed.refused(IamRefusal.incomplete(String.join(" ", missing) + " Authorization=" + value));
        }
        if (!ALGORITHM.equals(algorithm)) {
            // Wording unconfirmed: AWS's answer to another signing algorithm (e.g. SigV4a) is not on record.
            return Parsed.refused(IamRefusal.incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'."));
        }
        boolean amzDate = headers.contains("X-Amz-Date");
        Instant signedAt = amzDate ? AmzDate.parseBasic(dateText) : AmzDate.parseHttpDate(dateText);
        return signature(SigV4Signature.Location.HEADER, parameters.get("Credential"),
                parameters.get("SignedHeaders"), parameters.get("Signature"), dateText, signedAt, null);
    }

    /**
     * A presigned URL. The missing-parameter wording is AWS's query-string authentication answer; the
     * {@code X-Amz-Algorithm} and {@code X-Amz-Expires} texts are AWS's signers' wording, unconfirmed for
     * execute-api.
     */
    private static Parsed fromQuery(Map<String, List<String>> query) {
        List<String> missing = new ArrayList<>();
        for (String name : QUERY_PARAMETERS) {
            if (!query.containsKey(name)) {
                missing.add("AWS query-string parameters must include '" + name + "'.");
            }
        }
        if (!missing.isEmpty()) {
            return Parsed.refused(IamRefusal.incomplete(String.join(" ", missing)
                    + " Re-examine the query-string parameters."));
        }
        if (!ALGORITHM.equals(first(query, "X-Amz-Algorithm"))) {
            return Parsed.refused(IamRefusal.incomplete("X-Amz-Algorithm only supports \"" + ALGORITHM + "\""));
        }
        Duration expires = null;
        if (query.containsKey("X-Amz-Expires")) {
            long seconds;
            try {
                seconds = Long.parseLong(first(query, "X-Amz-Expires").trim());
            } catch (NumberFormatException e) {
                return Parsed.refused(IamRefusal.incomplete("X-Amz-Expires should be a number"));
            }
            if (seconds < 0) {
                return Parsed.refused(IamRefusal.incomplete("X-Amz-Expires must be non-negative"));
            }
            if (seconds > MAX_EXPIRES_SECONDS) {
                return Parsed.refused(IamRefusal.incomplete(
                        "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS));
            }
            expires = Duration.ofSeconds(seconds);
        }
        String dateText = first(query, "X-Amz-Date");
        return signature(SigV4Signature.Location.QUERY_STRING, first(query, "X-Amz-Credential"),
                first(query, "X-Amz-SignedHeaders"), first(query, "X-Amz-Signature"), dateText,
                AmzDate.parseBasic(dateText), expires);
    }

    /** The parts both forms share: credential scope, signing date and signed headers. */
    private static Parsed signature(SigV4Signature.Location location, String credential, String signedHeaders,
            String signature, String dateText, @Nullable Instant signedAt, @Nullable Duration expires) {
        SigningScope scope = SigningScope.parse(credential);
        if (scope == null) {
            return Parsed.refused(IamRefusal.incomplete("Credential must have exactly 5 slash-delimited elements,"
                    + " e.g. keyid/date/region/service/term, got '" + credential + "'"));
        }
        if (signedAt == null) {
            return Parsed.refused(IamRefusal.incomplete("Date must be in ISO-8601 'basic format'. Got '" + dateText
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601"));
        }
        String problem = scope.problem();
        if (problem != null) {
            return Parsed.refused(IamRefusal.invalid(problem));
        }
        String signedDate = AmzDate.format(signedAt);
        if (!signedDate.startsWith(scope.date())) {
            return Parsed.refused(IamRefusal.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601"
                    + " version of date from HTTP: '" + scope.date() + "' != '" + signedDate.substring(0, 8)
                    + "', from '" + signedDate + "'."));
        }
        List<String> headers = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.isBlank()) {
                headers.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (!headers.contains("host")) {
            // [K babbel/okhttp-aws-signer#10: AWS's answer when host is not signed]
            return Parsed.refused(IamRefusal.incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization."));
        }
        return new Parsed(new SigV4Signature(location, scope, headers, signature, signedAt, expires), null);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
