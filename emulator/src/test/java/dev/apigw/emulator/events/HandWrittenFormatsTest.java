package dev.apigw.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The request time and the trace id are written by hand for speed (issue 8); these compare them with the formatter
 * calls they replaced, over edge cases and many random values.
 */
class HandWrittenFormatsTest {
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Test
    void request_time_matches_the_common_log_format_formatter() {
        assertThat(EventJson.clf(TestExchange.TIME)).isEqualTo("04/Mar/2020:19:15:17 +0000");
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z",
                "0999-02-03T04:05:06Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z",
                "2024-02-29T12:34:56.5Z"}) {
            Instant time = Instant.parse(edge);
            assertThat(EventJson.clf(time)).as(edge).isEqualTo(CLF.format(time));
        }
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(EventJson.clf(time)).as(time.toString()).isEqualTo(CLF.format(time));
        }
    }

    @Test
    void generated_trace_id_matches_the_formatted_md5_of_the_request_id() {
        Random random = new Random(9);
        for (int i = 0; i < 5_000; i++) {
            String requestId = UUID.randomUUID().toString().substring(random.nextInt(20));
            long seconds = i % 10 == 0 ? random.nextLong() : random.nextInt(Integer.MAX_VALUE);
            assertThat(TraceIds.generated(requestId, seconds)).isEqualTo(formatted(requestId, seconds));
        }
        assertThat(TraceIds.generated("x", 0)).isEqualTo(formatted("x", 0)).startsWith("Root=1-00000000-");
    }

    /** The implementation before issue 8. */
    private static String formatted(String requestId, long seconds) {
        UUID hash = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8));
        String unique = String.format("%016x%016x", hash.getMostSignificantBits(), hash.getLeastSignificantBits());
        return String.format("Root=1-%08x-%s", seconds, unique.substring(0, 24));
    }
}
