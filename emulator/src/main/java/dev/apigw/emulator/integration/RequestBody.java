package dev.apigw.emulator.integration;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.ContentHandling;
import org.jspecify.annotations.Nullable;

/**
 * The body a non-proxy integration receives: the rendered request template, or the client's body passed through
 * and converted as {@code contentHandling} and the binary media types say (AWS-REFERENCE 11, request table).
 */
record RequestBody(PayloadConversion conversion, @Nullable ContentHandling contentHandling) {

    byte[] of(GatewayRequest request, Optional<Template> template, MappingState state) {
        String contentType = request.headers().first("Content-Type").orElse(null);
        if (template.isPresent()) {
            return state.render(template.get(), request.body(), conversion.isBinary(contentType))
                    .getBytes(StandardCharsets.UTF_8);
        }
        try {
            return conversion.request(request.body(), contentType, contentHandling);
        } catch (PayloadConversion.InvalidBase64Exception e) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "CONVERT_TO_BINARY could not base64-decode the request body");
        }
    }
}
