package dev.apigw.emulator.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.apigw.emulator.exchange.Exchange;

/**
 * The X-Ray trace header API Gateway adds to every proxied request: {@code Root=1-<epoch seconds, 8 hex>-<24 hex>}
 * (https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sendingdata.html#xray-api-traceids). A client's own
 * header is passed on unchanged. Derived from the request id, so the gateway can send the same value back in the
 * REST response's {@code X-Amzn-Trace-Id} (AWS-REFERENCE Appendix A).
 */
public final class TraceIds {
    public static final String HEADER = "X-Amzn-Trace-Id";

    /** Never used itself (digests are not thread-safe): each id clones it. */
    private static final MessageDigest MD5 = newMd5();

    private TraceIds() {}

    /** The client's trace header if it sent one, else the one API Gateway would add. */
    public static String of(Exchange exchange) {
        return exchange.request().headers().first(HEADER).orElseGet(
                () -> generated(exchange.context().requestId(), exchange.context().requestTime().getEpochSecond()));
    }

    /**
     * {@code Root=1-<8 hex seconds>-<first 24 hex digits of the request id's MD5 name UUID (version 3)>}. Written digit by digit:
     * two String.format calls here were most of an event's cost in the profile (issue 8).
     */
    static String generated(String requestId, long seconds) {
        ByteBuffer md5 = ByteBuffer.wrap(md5().digest(requestId.getBytes(StandardCharsets.UTF_8)));
        // The version and variant bits UUID.nameUUIDFromBytes sets, which earlier ids carried.
        long most = md5.getLong() & ~0xF000L | 0x3000L;
        long least = md5.getLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        StringBuilder id = new StringBuilder(39).append("Root=1-");
        appendHex(id, seconds, 8);
        id.append('-');
        appendHex(id, most, 16);
        appendHex(id, least >>> 32, 8);
        return id.toString();
    }

    /** A copy of one MD5 digest made once: looking the algorithm up per request showed in the profile. */
    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
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
