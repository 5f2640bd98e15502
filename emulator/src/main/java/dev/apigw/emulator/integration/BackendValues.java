package dev.apigw.emulator.integration;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/**
 * Puts values from mappings and overrides into a backend request safely: a header the HTTP client cannot send (a
 * control character in the value, a name it reserves) is a configuration error answered with 500, not a crash, and
 * a path value is percent-encoded so that it cannot change the backend's path or query.
 */
final class BackendValues {
    private BackendValues() {}

    static void add(HttpRequest.Builder request, String name, String value) {
        try {
            request.header(name, value);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "header " + name + " cannot be sent to the integration: " + e.getMessage());
        }
    }

    /**
     * A mapped path value as URL text. Values from the request path are already percent-encoded and keep their
     * escapes ({@code %2F} stays one segment); anything a URL path cannot hold as it is — a space, {@code ?},
     * {@code #}, non-ASCII — is percent-encoded, so a value can never change the backend's query. Slashes stay, as a
     * greedy {@code {proxy+}} value needs them.
     */
    static String pathValue(String value) {
        StringBuilder out = new StringBuilder(value.length());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append('%');
            } else if (isPathSafe(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
            }
        }
        return out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /** RFC 3986 unreserved characters, sub-delimiters, ':', '@' and '/'. */
    private static boolean isPathSafe(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(b) >= 0;
    }
}
