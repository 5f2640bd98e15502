package dev.apigw.emulator.encoding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/**
 * Decodes a REST API request's compressed body before the method request, so that validation, mapping templates and
 * proxy events see the payload itself ("Call an API method with a compressed payload"): API Gateway checks that each
 * coding in {@code Content-Encoding} is one it supports, decompresses the body, and answers 415 Unsupported Media
 * Type when a coding is unsupported or the body is not in it. It does so on every REST API, whether or not response
 * compression is enabled ("Payload compression for REST APIs").
 */
public final class RequestDecoding {
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private RequestDecoding() {}

    /**
     * The request with its body decoded; the request itself when it names no compression. The headers stay as the
     * client sent them, {@code Content-Encoding} included: on AWS a Lambda proxy event carries the decompressed body
     * with {@code Content-Encoding: gzip} still among its headers (reported in dougmoscrop/serverless-http#194, where
     * express then tried to gunzip the plain body), and templates see the header (AWS-REFERENCE 5.6).
     *
     * @param limitBytes the payload limit the decoded body must keep to
     * @throws GatewayException UNSUPPORTED_MEDIA_TYPE for an unsupported coding or a body not in its coding
     * @throws DecodedTooLargeException when the decoded body is over {@code limitBytes}
     */
    public static GatewayRequest decoded(GatewayRequest request, int limitBytes) {
        List<ContentCoding> codings = codings(request.headers());
        if (codings.stream().allMatch(coding -> coding == ContentCoding.IDENTITY) || !request.hasBody()) {
            return request;
        }
        byte[] body = request.body();
        // Codings are listed in the order they were applied, so they come off last first (RFC 7231 3.1.2.2).
        for (int i = codings.size() - 1; i >= 0; i--) {
            ContentCoding coding = codings.get(i);
            try {
                body = coding.decode(body, limitBytes);
            } catch (IOException e) {
                throw new GatewayException(GatewayError.UNSUPPORTED_MEDIA_TYPE, "the request body is not "
                        + coding.token() + "-compressed as its Content-Encoding says (" + e.getMessage()
                        + "); send the compressed bytes, or drop the Content-Encoding header");
            }
        }
        return new GatewayRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), body,
                request.sourceIp(), request.time());
    }

    private static List<ContentCoding> codings(Headers headers) {
        List<ContentCoding> codings = new ArrayList<>();
        for (String value : headers.values(CONTENT_ENCODING)) {
            for (String token : value.split(",")) {
                if (token.isBlank()) {
                    continue;
                }
                codings.add(ContentCoding.named(token).orElseThrow(() -> new GatewayException(
                        GatewayError.UNSUPPORTED_MEDIA_TYPE, "the request's Content-Encoding " + token.trim()
                        + " is not one API Gateway decodes; use gzip, deflate or identity")));
            }
        }
        return codings;
    }
}
