package dev.apigw.emulator.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import dev.apigw.emulator.events.MediaTypes;
import dev.apigw.model.ContentHandling;
import org.jspecify.annotations.Nullable;

/**
 * REST non-proxy payload conversion between text and binary: the request body sent to the integration (by the request
 * {@code Content-Type} against the API's {@code binaryMediaTypes} and the integration's {@code contentHandling}) and
 * the response body sent to the client (by the request's first {@code Accept} type, the integration response
 * {@code Content-Type} and the integration response's {@code contentHandling}). One instance per API.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
 */
public final class PayloadConversion {
    private final List<String> binaryMediaTypes;

    /** A failed base64 decode during {@code CONVERT_TO_BINARY}: API Gateway answers 500, an API configuration error [D]. */
    public static final class InvalidBase64Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidBase64Exception(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public PayloadConversion(List<String> binaryMediaTypes) {
        this.binaryMediaTypes = List.copyOf(binaryMediaTypes);
    }

    /** Whether a payload of this {@code Content-Type} (or an {@code Accept} value) counts as binary for this API. */
    public boolean isBinary(@Nullable String mediaType) {
        return MediaTypes.matches(mediaType, binaryMediaTypes);
    }

    /**
     * The integration request body [D request table]: a binary payload (Content-Type in binaryMediaTypes) stays
     * binary unless {@code CONVERT_TO_TEXT} base64-encodes it; a text payload is UTF-8 text unless
     * {@code CONVERT_TO_BINARY} base64-decodes it.
     *
     * @throws InvalidBase64Exception when {@code CONVERT_TO_BINARY} meets text that is not base64
     */
    public byte[] request(byte[] body, @Nullable String contentType, @Nullable ContentHandling handling) {
        if (isBinary(contentType)) {
            return handling == ContentHandling.CONVERT_TO_TEXT ? base64Encode(body) : body;
        }
        return handling == ContentHandling.CONVERT_TO_BINARY ? base64Decode(body) : utf8(body);
    }

    /**
     * The method response body [D response table]. A binary integration payload (its Content-Type in
     * binaryMediaTypes [L]) stays binary for {@code CONVERT_TO_BINARY}, is base64-encoded for
     * {@code CONVERT_TO_TEXT}, and without contentHandling stays binary only when the first Accept type is binary.
     * A text payload is base64-decoded for {@code CONVERT_TO_BINARY}, stays UTF-8 text for {@code CONVERT_TO_TEXT},
     * and without contentHandling is decoded only when the first Accept type is binary.
     *
     * @throws InvalidBase64Exception when a conversion to binary meets text that is not base64
     */
    public byte[] response(byte[] body, @Nullable String integrationContentType, @Nullable String accept,
            @Nullable ContentHandling handling) {
        boolean binaryAccept = isBinary(accept);
        if (isBinary(integrationContentType)) {
            boolean staysBinary = handling == null ? binaryAccept : handling == ContentHandling.CONVERT_TO_BINARY;
            return staysBinary ? body : base64Encode(body);
        }
        boolean decodes = handling == null ? binaryAccept : handling == ContentHandling.CONVERT_TO_BINARY;
        return decodes ? base64Decode(body) : utf8(body);
    }

    /**
     * The payload as a mapping template's {@code $input.body} sees it: a binary payload converted to text is seen
     * base64-encoded [D], anything else as UTF-8 text.
     */
    public static String textForTemplate(byte[] payload, boolean binary) {
        return binary ? Base64.getEncoder().encodeToString(payload) : new String(payload, StandardCharsets.UTF_8);
    }

    private static byte[] base64Encode(byte[] body) {
        return Base64.getEncoder().encode(body);
    }

    /**
     * API Gateway "assumes that the text data is a Base64-encoded string" [D]. Line breaks and spaces are skipped,
     * as for Lambda proxy bodies; padding is optional.
     */
    private static byte[] base64Decode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidBase64Exception("payload is not valid base64 for CONVERT_TO_BINARY: " + e.getMessage(), e);
        }
    }

    /**
     * A payload handled as text is a "UTF8-encoded string" [D]: bytes that are not UTF-8 become U+FFFD. Binary data
     * without a matching binaryMediaTypes entry is known to arrive corrupted on AWS; that AWS corrupts it exactly
     * this way is unconfirmed.
     */
    private static byte[] utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
