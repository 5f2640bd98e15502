package dev.apigw.emulator.response;

import java.nio.charset.StandardCharsets;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Headers;

/**
 * What API Gateway's front end answers for a request over its size limits, before the API is involved: no gateway
 * response can customise these (AWS's known issues: "Customizing the default gateway response for 413
 * REQUEST_TOO_LARGE isn't currently supported"). The front end's texts are those of Netty's HTTP codec, whose
 * wording the captured answers match word for word.
 *
 * <p>What is confirmed and what is a best guess:
 * <ul>
 *   <li>REST body over 10 MB: 413, {@code text; charset=utf-8}, {@code HTTP content length exceeded 10485760
 *       bytes.} — confirmed by a capture (koki-develop/lgtm-generator#10).</li>
 *   <li>HTTP API body over 10 MB: 413 {@code {"message":"Request Entity Too Large"}} — a best guess: HTTP APIs answer
 *       their own errors with the status's reason phrase as the message, and no capture was found.</li>
 *   <li>Headers over 10,240 bytes: 431 with {@code HTTP header is larger than 10240 bytes.} — the text is reported
 *       from API Gateway (ntsblog.homedev.com.au, 2021), the status 431 from another report (backbencher.dev); the
 *       content type follows the 413's. HTTP APIs are assumed to answer alike.</li>
 *   <li>URL over 10,240 characters (REST): 414 with {@code An HTTP line is larger than 10240 bytes.} — a best guess:
 *       the status AWS documents for a too-long method ARN, and Netty's text for a too-long request line.</li>
 * </ul>
 */
public final class EdgeRefusals {
    private static final String TEXT = "text; charset=utf-8";

    private EdgeRefusals() {}

    /** A request body over the payload limit. */
    public static GatewayResponse payloadTooLarge(long limitBytes, boolean httpApi) {
        if (httpApi) {
            return new GatewayResponse(413, Headers.of("Content-Type", "application/json"),
                    "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
        }
        return text(413, "HTTP content length exceeded " + limitBytes + " bytes.");
    }

    /** Header values (and on HTTP APIs the request line) over the header limit. */
    public static GatewayResponse headersTooLarge(long limitBytes) {
        return text(431, "HTTP header is larger than " + limitBytes + " bytes.");
    }

    /** A REST API's URL over the URL limit. */
    public static GatewayResponse urlTooLong(long limitChars) {
        return text(414, "An HTTP line is larger than " + limitChars + " bytes.");
    }

    /**
     * A request that is not valid HTTP, or whose path or query cannot be decoded. What AWS answers is not documented;
     * this is the shape of API Gateway's own errors, {@code {"message": …}} with the status's reason phrase.
     */
    public static GatewayResponse badRequest(int status) {
        String reason = status == 408 ? "Request Timeout" : status == 505 ? "HTTP Version Not Supported"
                : status == 501 ? "Not Implemented" : "Bad Request";
        return new GatewayResponse(status, Headers.of("Content-Type", "application/json"),
                ("{\"message\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static GatewayResponse text(int status, String body) {
        return new GatewayResponse(status, Headers.of("Content-Type", TEXT), body.getBytes(StandardCharsets.UTF_8));
    }
}
