package dev.apigw.emulator.encoding;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which coding, if any, a client's {@code Accept-Encoding} asks API Gateway to compress a response with. AWS's rule
 * ("Receive an API response with a compressed payload"): the header must name a supported content coding (gzip,
 * deflate or identity); its example {@code gzip, deflate, br} compresses. So apigw takes the supported coding the
 * client ranks highest by q-value, {@code q=0} ruling a coding out, and passes over codings it does not support
 * ({@code br}, {@code *}). Among codings of the same q-value the first listed wins, the client's own order (AWS does
 * not say). Without the header (RFC 7231 reads that as {@code *}) nothing is compressed, and nor when
 * {@code identity} ranks highest.
 */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /** The coding to compress with; empty for none (no supported coding, or {@code identity} ranked highest). */
    static Optional<ContentCoding> chosen(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        ContentCoding best = null;
        double bestQ = 0;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            Optional<ContentCoding> coding = ContentCoding.named(parts[0].trim());
            double q = quality(parts);
            if (coding.isEmpty() || q <= bestQ) {
                continue;
            }
            best = coding.get();
            bestQ = q;
        }
        return Optional.ofNullable(best).filter(coding -> coding != ContentCoding.IDENTITY);
    }

    /** The element's q-value: 1 without one; 0 (not acceptable) when it cannot be read. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
