package dev.apigw.emulator.routing;

import java.util.HashSet;
import java.util.Set;

/**
 * AWS-looking ids for resources and routes ({@code requestContext.resourceId}, {@code $context.resourceId}). AWS
 * makes random ones: 6 lowercase alphanumerics for a resource, 10 for the root resource, 7 for an HTTP API route.
 * Ours are derived from the template or route key text, so they stay the same across restarts and tests can pin
 * them. One instance per table keeps the ids of one API distinct: a hash collision moves on to a salted hash, in
 * document order, so the result is still deterministic.
 */
final class ResourceIds {

    static final int RESOURCE = 6;
    static final int ROOT_RESOURCE = 10;
    static final int ROUTE = 7;

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Set<String> issued = new HashSet<>();

    String next(String text, int length) {
        for (int attempt = 0; ; attempt++) {
            String id = hash(attempt == 0 ? text : text + '#' + attempt, length);
            if (issued.add(id)) {
                return id;
            }
        }
    }

    /** FNV-1a over the UTF-16 units, mixed by MurmurHash3's finalizer, in base 36. Stable across JVMs. */
    static String hash(String text, int length) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = DIGITS.charAt((int) Long.remainderUnsigned(hash, 36));
            hash = Long.divideUnsigned(hash, 36);
        }
        return new String(id);
    }
}
