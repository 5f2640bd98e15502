package dev.apigw.emulator.cache;

/**
 * What API Gateway does with a {@code Cache-Control: max-age=0} from a caller not authorized to invalidate the cache
 * entry (the stage's {@code unauthorizedCacheControlHeaderStrategy}, AWS's names).
 */
public enum UnauthorizedCacheControlHeaderStrategy {
    /** Refuse the request with 403. */
    FAIL_WITH_403,
    /** Ignore the header, answer from the cache, and say so in a response header. */
    SUCCEED_WITH_RESPONSE_HEADER,
    /** Ignore the header and answer from the cache. */
    SUCCEED_WITHOUT_RESPONSE_HEADER;

    /** Parses AWS's name, case-insensitively, with the valid names in the error. */
    public static UnauthorizedCacheControlHeaderStrategy parse(String text) {
        for (UnauthorizedCacheControlHeaderStrategy strategy : values()) {
            if (strategy.name().equalsIgnoreCase(text.trim())) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unauthorized cache-control strategy '" + text + "' must be one of "
                + java.util.Arrays.toString(values()));
    }
}
