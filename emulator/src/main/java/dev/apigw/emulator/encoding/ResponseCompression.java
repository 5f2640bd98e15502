package dev.apigw.emulator.encoding;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.MinimumCompressionSize;
import dev.apigw.model.Api;
import dev.apigw.model.ApiType;
import dev.apigw.model.RestApi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REST API's response compression ({@code minimumCompressionSize}). API Gateway compresses the final payload, after
 * the integration response's mapping template, when the client's {@code Accept-Encoding} asks for gzip or deflate
 * ({@link AcceptEncoding}), the response has no {@code Content-Encoding} of its own (the integration compressed it
 * already), and the payload is at least the minimum size ("Receive an API response with a compressed payload").
 */
public final class ResponseCompression {
    /** AWS's upper bound of {@code minimumCompressionSize}: 10 MB. */
    public static final int MAX_MINIMUM_SIZE = 10_485_760;
    private static final ResponseCompression OFF = new ResponseCompression(null);
    private static final Logger LOG = LoggerFactory.getLogger(ResponseCompression.class);

    private final @Nullable Integer minimumBytes;

    private ResponseCompression(@Nullable Integer minimumBytes) {
        this.minimumBytes = minimumBytes;
    }

    /** Compression of payloads of at least {@code minimumBytes} (0 compresses any payload). */
    public static ResponseCompression atLeast(int minimumBytes) {
        if (minimumBytes < 0 || minimumBytes > MAX_MINIMUM_SIZE) {
            throw new IllegalArgumentException("the minimum compression size must be 0 to " + MAX_MINIMUM_SIZE
                    + " bytes, was " + minimumBytes);
        }
        return new ResponseCompression(minimumBytes);
    }

    /** The configured setting over the document's; payload compression is a REST API feature only. */
    public static ResponseCompression forApi(Api api, @Nullable MinimumCompressionSize setting) {
        if (!(api instanceof RestApi rest)) {
            if (setting != null && setting.bytes().isPresent()) {
                LOG.warn("the minimum compression size is ignored: API Gateway compresses only REST API responses,"
                        + " and this is {} API; remove the setting",
                        api.type() == ApiType.HTTP ? "an HTTP" : "a WebSocket");
            }
            return off();
        }
        if (setting != null) {
            return setting.compression();
        }
        return rest.minimumCompressionSize() == null ? off() : atLeast(rest.minimumCompressionSize());
    }

    /** No compression: AWS's default, and every HTTP and WebSocket API. */
    public static ResponseCompression off() {
        return OFF;
    }

    /** The response as the client receives it: compressed, or unchanged. */
    public GatewayResponse apply(GatewayRequest request, GatewayResponse response) {
        // An empty payload (a 204, a HEAD request's answer) has nothing to compress.
        if (minimumBytes == null || response.body().length == 0 || response.body().length < minimumBytes
                || request.method().equals("HEAD") || response.headers().contains("Content-Encoding")) {
            return response;
        }
        return AcceptEncoding.chosen(acceptEncoding(request.headers()))
                .map(coding -> new GatewayResponse(response.status(),
                        response.headers().with("Content-Encoding", coding.token()), coding.encode(response.body())))
                .orElse(response);
    }

    /** Several {@code Accept-Encoding} lines mean the same as one line of them joined by commas (RFC 7230). */
    private static @Nullable String acceptEncoding(Headers headers) {
        var values = headers.values("Accept-Encoding");
        return values.isEmpty() ? null : String.join(",", values);
    }
}
