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
        return exchange.request().headers().first(HEADER).orElseGet(
                () -> generated(exchange.context().requestId(), exchange.context().requestTime().getEpochSecond()));
    }

    /**
     * {@code Root=1-<8 hex seconds>-<first 24 hex digits of the request id's MD5 name UUID>}. Written digit by digit:
     * two String.format calls here were most of an event's cost in the profile (issue 8).
     */
    static String generated(String requestId, long seconds) {
        UUID hash = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder(39).append("Root=1-");
        appendHex(id, seconds, 8);
        id.append('-');
        appendHex(id, hash.getMostSignificantBits(), 16);
        appendHex(id, hash.getLeastSignificantBits() >>> 32, 8);
        return id.toString();
    }

    /**
     * The low {@code digits} hex digits of {@code value}, zero-padded, as {@code %0<digits>x} writes them; like
     * {@code %08x}, a value needing more digits is written in full.
     */
    private static void appendHex(StringBuilder out, long value, int digits) {
        int needed = Math.max(digits, (64 - Long.numberOfLeadingZeros(value) + 3) / 4);
        for (int shift = (needed - 1) * 4; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
        }
    }
}
