package dev.apigw.emulator.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import dev.apigw.emulator.exchange.Exchange;

/**
 * The X-Ray trace header API Gateway adds to every proxied request: {@code Root=1-<epoch seconds, 8 hex>-<24 hex>}
 * (https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sendingdata.html#xray-api-traceids). A client's own
 * header is passed on unchanged. Derived from the request id, so the gateway can send the same value back in the
 * REST response's {@code X-Amzn-Trace-Id} (AWS-REFERENCE Appendix A).
 */
public final class TraceIds {
    public static final String HEADER = "X-Amzn-Trace-Id";

    private TraceIds() {}

    /** The client's trace header if it sent one, else the one API Gateway would add. */
    public static String of(Exchange exchange) {
        return exchange.request().headers().first(HEADER).orElseGet(() -> generated(exchange));
    }

    private static String generated(Exchange exchange) {
        long seconds = exchange.context().requestTime().getEpochSecond();
        UUID hash = UUID.nameUUIDFromBytes(exchange.context().requestId().getBytes(StandardCharsets.UTF_8));
        String unique = String.format("%016x%016x", hash.getMostSignificantBits(), hash.getLeastSignificantBits());
        return String.format("Root=1-%08x-%s", seconds, unique.substring(0, 24));
    }
}
