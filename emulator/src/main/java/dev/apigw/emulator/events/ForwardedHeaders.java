package dev.apigw.emulator.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.exchange.Exchange;

/**
 * The request headers as API Gateway passes them on to a proxy integration: the client's lines without the
 * hop-by-hop ones, plus the {@code X-Forwarded-*} and {@code X-Amzn-Trace-Id} headers every API gets
 * [S test_lambda_aws_proxy_integration; E apigw-v2-request-no-authorizer.json].
 */
final class ForwardedHeaders {
    /**
     * REST events carry no Content-Length or Connection [S]; HTTP APIs recompute Content-Length (see
     * {@link #withContentLength}). Transfer-Encoding is hop-by-hop like Connection: the gateway has read the
     * whole body, so a proxy does not forward it (RFC 9110 §7.6.1; not confirmed on AWS).
     */
    private static final Set<String> DROPPED = Set.of("content-length", "connection", "transfer-encoding");

    private ForwardedHeaders() {}

    static List<Header> of(Exchange exchange) {
        GatewayRequest request = exchange.request();
        List<Header> headers = new ArrayList<>(request.headers().all().size() + 4);
        List<String> forwardedFor = new ArrayList<>(1);
        for (Header header : request.headers().all()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor.add(header.value());
            } else if (!DROPPED.contains(lower)) {
                headers.add(header);
            }
        }
        // A proxy appends the address it saw to the client's own X-Forwarded-For chain.
        forwardedFor.add(exchange.context().sourceIp());
        headers.add(new Header("X-Forwarded-For", String.join(", ", forwardedFor)));
        if (!request.headers().contains("X-Forwarded-Port")) {
            headers.add(new Header("X-Forwarded-Port", port(request)));
        }
        // The emulator serves plain HTTP; AWS says https and 443 because its endpoints are TLS only.
        if (!request.headers().contains("X-Forwarded-Proto")) {
            headers.add(new Header("X-Forwarded-Proto", "http"));
        }
        if (!request.headers().contains(TraceIds.HEADER)) {
            headers.add(new Header(TraceIds.HEADER, TraceIds.of(exchange)));
        }
        return headers;
    }

    /**
     * HTTP APIs pass a Content-Length with the body's size, even {@code 0} for a GET
     * [E apigw-v2-request-no-authorizer.json].
     */
    static List<Header> withContentLength(List<Header> headers, GatewayRequest request) {
        List<Header> withLength = new ArrayList<>(headers.size() + 1);
        withLength.add(new Header("Content-Length", Integer.toString(request.body().length)));
        withLength.addAll(headers);
        return withLength;
    }

    private static String port(GatewayRequest request) {
        String host = request.headers().first("Host").orElse("");
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            String port = host.substring(colon + 1);
            if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                return port;
            }
        }
        return "80";
    }
}
