package dev.apigw.emulator.events;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Media-type checks shared by the proxy events and the proxy-result reader: matching against an API's
 * {@code binaryMediaTypes}, and the HTTP API rule for which request bodies stay text.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html
 */
public final class MediaTypes {
    private MediaTypes() {}

    /**
     * Whether a {@code Content-Type} or {@code Accept} value matches one of the binary media types. Only the first
     * entry of a comma-separated {@code Accept} counts, and parameters are ignored [D]. Patterns may be
     * {@code type/*} or {@code *}{@code /*}. A missing value matches nothing.
     */
    public static boolean matches(@Nullable String contentType, List<String> patterns) {
        String[] mime = typeAndSubtype(firstEntry(contentType));
        if (mime == null || patterns.isEmpty()) {
            return false;
        }
        for (String pattern : patterns) {
            String[] wanted = typeAndSubtype(pattern);
            if (wanted == null) {
                continue;
            }
            boolean typeMatches = wanted[0].equals("*") || wanted[0].equals(mime[0]);
            boolean subtypeMatches = wanted[1].equals("*") || wanted[1].equals(mime[1]);
            if (typeMatches && subtypeMatches) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an HTTP API passes a request body to Lambda as text rather than base64. HTTP APIs have no
     * binaryMediaTypes and AWS does not document its rule (AWS-REFERENCE §2.1 "unconfirmed"); Lambda function URLs,
     * which share the 2.0 format, document "text/*" and "application/json" as text. Our documented choice: text for
     * {@code text/*}, JSON and XML types (also {@code +json}/{@code +xml} suffixes), form posts and JavaScript, and
     * for a missing Content-Type when the bytes are valid UTF-8; base64 for everything else.
     */
    public static boolean isHttpApiText(@Nullable String contentType, byte[] body) {
        String[] mime = typeAndSubtype(contentType);
        if (mime == null) {
            return contentType == null && Utf8.isValid(body);
        }
        String type = mime[0];
        String subtype = mime[1];
        if (type.equals("text")) {
            return true;
        }
        if (!type.equals("application")) {
            return false;
        }
        return subtype.equals("json") || subtype.equals("xml") || subtype.endsWith("+json")
                || subtype.endsWith("+xml") || subtype.equals("x-www-form-urlencoded")
                || subtype.equals("javascript");
    }

    /**
     * The media type a header names, as API Gateway keys templates and models by it: the first entry, without
     * parameters, trimmed and lower case ({@code "Application/JSON; charset=utf-8"} → {@code application/json});
     * empty when the header is missing or blank.
     */
    public static String essence(@Nullable String header) {
        String first = firstEntry(header);
        if (first == null) {
            return "";
        }
        int semicolon = first.indexOf(';');
        return (semicolon < 0 ? first : first.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String firstEntry(@Nullable String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return comma < 0 ? value : value.substring(0, comma);
    }

    /** {@code [type, subtype]} lower-cased without parameters, or null when the value is no media type. */
    private static String @Nullable [] typeAndSubtype(@Nullable String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String bare = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        int slash = bare.indexOf('/');
        if (slash <= 0 || slash == bare.length() - 1 || bare.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        return new String[] {bare.substring(0, slash).trim(), bare.substring(slash + 1).trim()};
    }
}
