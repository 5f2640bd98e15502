package dev.apigw.emulator.auth.jwt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Claims as the strings API Gateway hands to integrations: every value of {@code requestContext.authorizer}'s claims
 * is a string, whatever its JSON type in the token.
 */
final class ClaimText {
    /** {@code Fri Jul 29 18:52:53 UTC 2016}: Java's {@code Date.toString()} in UTC. */
    private static final DateTimeFormatter REST_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * The dates {@link Instant} can hold. A signed token may carry a time beyond them ({@code "exp": 1e17} is a valid,
     * far-future expiry); such a claim keeps its decimal text rather than failing the request [unconfirmed].
     */
    private static final long MIN_SECONDS = Instant.MIN.getEpochSecond();
    private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();

    private ClaimText() {}

    /**
     * HTTP API JWT authorizer claims. Numbers keep their decimal text ({@code "exp": "1787996002"}) and a
     * space-separated {@code scope} stays one string [K DefinitelyTyped#75458, serverless-java-container#407]. Lists
     * render as Go prints them, {@code [a b]} [K aws-solutions-library-samples guidance-for-claude-code-with-amazon-
     * bedrock#803, "API Gateway HTTP API JWT authorizer serializes array claims as bracketed space-separated
     * strings"]; objects likewise as Go's {@code map[k:v]}, keys sorted, and JSON null as {@code <nil>}
     * [unconfirmed, follows from the same Go formatting].
     */
    static Map<String, String> http(Map<String, Object> payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        payload.forEach((name, value) -> claims.put(name, go(value)));
        return claims;
    }

    /**
     * REST Cognito authorizer claims. {@code exp} and {@code iat} become Java date text in UTC
     * ({@code "Fri Jul 29 18:52:53 UTC 2016"}) while {@code auth_time} and other numbers keep their decimal text, and
     * booleans become {@code "true"} [K amazon-cognito-identity-js#92 and many captured proxy events]. The REST
     * authorizer is evidently Java, so lists render as Java prints them, {@code [a, b]}, and objects as
     * {@code {k=v}} [unconfirmed].
     */
    static Map<String, String> rest(Map<String, Object> payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            boolean date = (name.equals("exp") || name.equals("iat")) && value instanceof Number seconds
                    && seconds.longValue() >= MIN_SECONDS && seconds.longValue() <= MAX_SECONDS;
            claims.put(name, date ? REST_DATE.format(Instant.ofEpochSecond(((Number) value).longValue()))
                    : java(value));
        });
        return claims;
    }

    private static String go(@Nullable Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(go(item)));
            return "[" + String.join(" ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            new TreeMap<>(map).forEach((key, item) -> entries.add(key + ":" + go(item)));
            return "map[" + String.join(" ", entries) + "]";
        }
        return scalar(value);
    }

    private static String java(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(java(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((key, item) -> entries.add(key + "=" + java(item)));
            return "{" + String.join(", ", entries) + "}";
        }
        return scalar(value);
    }

    /**
     * Strings as they are, booleans as true/false, numbers as plain decimal text, never {@code 1.787996002E9}.
     * Integers that fit 64 bits keep their exact digits. Other numbers are doubles once the token is parsed, and print
     * as the shortest decimal that reads back as the same double, without exponent or trailing zeros: {@code 1.5},
     * {@code 1e3} → {@code 1000}, {@code 1e-6} → {@code 0.000001}; an integer beyond 64 bits keeps only a double's
     * 17 significant digits. This is what Go's {@code strconv.FormatFloat(f, 'f', -1, 64)} prints, and it agrees
     * with every captured claim [unconfirmed beyond integers].
     */
    private static String scalar(Object value) {
        if (value instanceof Float number && Float.isFinite(number)) {
            return plain(new BigDecimal(Float.toString(number)));
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return plain(new BigDecimal(Double.toString(number)));
        }
        if (value instanceof BigDecimal number) {
            return plain(number);
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
