package dev.apigw.emulator.encoding;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which coding, if any, a client's {@code Accept-Encoding} asks API Gateway to compress a response with. AWS's rules
 * ("Receive an API response with a compressed payload", "Enable payload compression for an API"): without the header
 * (RFC 7231 reads that as {@code *}) nothing is compressed; q-values rank the codings and {@code q=0} rules one out;
 * the highest-ranked coding must be gzip or deflate, or the response is not compressed. Among codings of the same
 * q-value the first listed ranks highest (AWS does not say; the order is the client's own preference).
 */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /** The coding to compress with; empty for none ({@code identity}, {@code *}, an unsupported coding first). */
    static Optional<ContentCoding> chosen(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        String best = null;
        double bestQ = 0;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].trim();
            double q = quality(parts);
            if (coding.isEmpty() || q <= bestQ) {
                continue;
            }
            best = coding;
            bestQ = q;
        }
        return best == null ? Optional.empty()
                : ContentCoding.named(best).filter(coding -> coding != ContentCoding.IDENTITY);
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
