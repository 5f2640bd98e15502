package dev.apigw.emulator.events;

import java.util.Base64;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The request body as a proxy event carries it: {@code null} when there is none [S], base64 when the gateway
 * treats it as binary, UTF-8 text otherwise.
 */
record EventBody(@Nullable String text, boolean base64Encoded) {
    private static final EventBody NONE = new EventBody(null, false);

    /** REST: base64 exactly when the request Content-Type matches the API's binaryMediaTypes [D payload encodings]. */
    static EventBody rest(Exchange exchange) {
        GatewayRequest request = exchange.request();
        if (!request.hasBody()) {
            return NONE;
        }
        String contentType = request.headers().first("Content-Type").orElse(null);
        if (MediaTypes.matches(contentType, exchange.binaryMediaTypes())) {
            return base64(request.body());
        }
        return new EventBody(Utf8.decode(request.body()), false);
    }

    /** HTTP APIs (both payload versions): see {@link MediaTypes#isHttpApiText} for the documented choice. */
    static EventBody httpApi(GatewayRequest request) {
        if (!request.hasBody()) {
            return NONE;
        }
        String contentType = request.headers().first("Content-Type").orElse(null);
        if (MediaTypes.isHttpApiText(contentType, request.body())) {
            return new EventBody(Utf8.decode(request.body()), false);
        }
        return base64(request.body());
    }

    private static EventBody base64(byte[] body) {
        return new EventBody(Base64.getEncoder().encodeToString(body), true);
    }
}
