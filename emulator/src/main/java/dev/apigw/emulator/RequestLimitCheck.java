package dev.apigw.emulator;

import java.util.Optional;
import dev.apigw.emulator.response.EdgeRefusals;

/**
 * API Gateway's front-end limits on a request, checked in the order the front end reads a request: the URL (REST
 * APIs) and whether it can be decoded, then the headers, then the body. A request over one never reaches the API.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
 * and .../http-api-quotas.html; {@link EdgeRefusals} says which answers are confirmed.
 */
final class RequestLimitCheck {
    /** The request line's fixed parts besides method and target: two spaces and {@code HTTP/1.1}. */
    private static final int REQUEST_LINE_EXTRA = 2 + "HTTP/1.1".length();

    private final RequestLimits limits;
    private final boolean httpApi;

    RequestLimitCheck(RequestLimits limits, boolean httpApi) {
        this.limits = limits;
        this.httpApi = httpApi;
    }

    /**
     * The front end's answer when the request is over a limit.
     *
     * @param bodyBytes the body's length: the bytes read, or the length the client declared before they are read
     */
    Optional<GatewayResponse> refusal(GatewayRequest request, long bodyBytes) {
        long url = urlChars(request);
        // REST APIs limit the URL on its own; HTTP APIs count the request line among the header bytes instead.
        if (!httpApi && url > limits.urlChars()) {
            return Optional.of(EdgeRefusals.urlTooLong(limits.urlChars()));
        }
        if (!PercentEncoding.decodable(request.rawPath()) || !PercentEncoding.decodable(request.rawQuery())) {
            return Optional.of(EdgeRefusals.badRequest(400));
        }
        long headerBytes = headerValueBytes(request.headers())
                + (httpApi ? request.method().length() + url + REQUEST_LINE_EXTRA : 0);
        if (headerBytes > limits.headerBytes()) {
            return Optional.of(EdgeRefusals.headersTooLarge(limits.headerBytes()));
        }
        if (bodyBytes > limits.payloadBytes()) {
            return Optional.of(EdgeRefusals.payloadTooLarge(limits.payloadBytes(), httpApi));
        }
        return Optional.empty();
    }

    private static long urlChars(GatewayRequest request) {
        return request.rawPath().length() + (request.rawQuery().isEmpty() ? 0 : 1 + request.rawQuery().length());
    }

    /** AWS counts "the total combined size of all header values" (names and line breaks are not counted). */
    private static long headerValueBytes(Headers headers) {
        long total = 0;
        for (Header header : headers.all()) {
            total += utf8Length(header.value());
        }
        return total;
    }

    private static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
