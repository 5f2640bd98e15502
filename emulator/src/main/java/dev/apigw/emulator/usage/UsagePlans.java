package dev.apigw.emulator.usage;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The usage plans and API keys the emulator knows, AWS's {@code UsagePlan}, {@code ApiKey} and
 * {@code UsagePlanKey} resources in one file. Read them with {@link #read(Path)}, or use {@link #ofKeys(List)} for keys
 * without limits.
 *
 * <p>YAML format (every field but {@code name} and the key {@code value} is optional):
 *
 * <pre>{@code
 * usagePlans:
 *   - name: basic
 *     stages: [prod, dev]          # stages the plan covers; omitted or empty = every stage
 *     throttle:                    # per API key; omitted = no plan throttle
 *       rateLimit: 10              # requests per second (a decimal is fine: 0.5)
 *       burstLimit: 20             # token bucket capacity
 *       methodThrottling:          # overrides, keyed "{resourcePath}/{httpMethod}" as in AWS
 *         "/pets/{id}/GET": { rateLimit: 1, burstLimit: 2 }
 *         "//GET":          { rateLimit: 5, burstLimit: 5 }   # the root resource
 *     quota:                       # per API key; omitted = no quota
 *       limit: 1000
 *       period: MONTH              # DAY | WEEK | MONTH, windows computed in UTC
 *       offset: 14                 # DAY: 0 only; WEEK: 0 = Sunday .. 6 = Saturday; MONTH: 0 = the 1st .. 27 = the 28th
 *     apiKeys:
 *       - value: a1b2c3d4e5f6g7h8i9j0   # what clients send in x-api-key
 *         id: k1                   # optional, becomes $context.identity.apiKeyId
 *         name: alice              # optional
 *         enabled: true            # optional, default true; a disabled key is refused with 403
 *       - plain-string-key-value   # shorthand for { value: ... }
 * }</pre>
 *
 * <p>One key may belong to several plans, but only one plan per stage, as in AWS.
 */
public record UsagePlans(List<UsagePlan> plans) {

    public UsagePlans {
        plans = List.copyOf(plans);
    }

    /**
     * Reads a YAML plans file.
     *
     * @throws IllegalArgumentException with the file and the location in it when the file is unreadable or invalid
     */
    public static UsagePlans read(Path yamlFile) {
        return UsagePlansReader.read(yamlFile);
    }

    /** One plan named {@code default} covering every stage, holding {@code keys}, with no throttle and no quota. */
    public static UsagePlans ofKeys(List<String> keys) {
        List<ApiKey> apiKeys = keys.stream().map(ApiKey::of).toList();
        return new UsagePlans(List.of(new UsagePlan("default", null, Map.of(), null, List.of(), apiKeys)));
    }

    /**
     * A usage plan. {@code methodThrottling} maps {@code "/pets/{id}/GET"}-style keys to a throttle replacing
     * {@code throttle} for that method; {@code stages} empty means every stage.
     */
    public record UsagePlan(
            String name,
            @Nullable Throttle throttle,
            Map<String, Throttle> methodThrottling,
            @Nullable Quota quota,
            List<String> stages,
            List<ApiKey> apiKeys) {

        public UsagePlan {
            methodThrottling = Map.copyOf(methodThrottling);
            stages = List.copyOf(stages);
            apiKeys = List.copyOf(apiKeys);
        }

        public boolean covers(String stage) {
            return stages.isEmpty() || stages.contains(stage);
        }
    }

    /** An API key; {@code value} is what the client sends. */
    public record ApiKey(String value, @Nullable String id, @Nullable String name, boolean enabled) {
        public ApiKey {
            if (value.isBlank()) {
                throw new IllegalArgumentException("an API key value must not be blank");
            }
        }

        public static ApiKey of(String value) {
            return new ApiKey(value, null, null, true);
        }

        /**
         * {@code $context.identity.apiKeyId}: the given id, else a stable 10-character id derived from the value,
         * shaped like the ids AWS gives every key.
         */
        public String apiKeyId() {
            if (id != null) {
                return id;
            }
            byte[] digest;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            StringBuilder derived = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                derived.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt((digest[i] & 0xff) % 36));
            }
            return derived.toString();
        }
    }

    /** AWS's {@code QuotaPeriodType}. */
    public enum QuotaPeriod {
        DAY,
        WEEK,
        MONTH
    }

    /**
     * AWS's {@code QuotaSettings}: at most {@code limit} requests per key per period. {@code offset} is the day the
     * period starts: always 0 for DAY, 0 (Sunday) to 6 (Saturday) for WEEK, 0 (the 1st) to 27 (the 28th) for MONTH.
     */
    public record Quota(int limit, QuotaPeriod period, int offset) {
        public Quota {
            if (limit < 0) {
                throw new IllegalArgumentException("quota limit must be >= 0, found " + limit);
            }
            int maxOffset = period == QuotaPeriod.DAY ? 0 : period == QuotaPeriod.WEEK ? 6 : 27;
            if (offset < 0 || offset > maxOffset) {
                throw new IllegalArgumentException(
                        "quota offset for period " + period + " must be 0.." + maxOffset + ", found " + offset);
            }
        }

        /** The start (UTC) of the period containing {@code now}. */
        public Instant periodStart(Instant now) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate start;
            switch (period) {
                case DAY -> start = today;
                case WEEK -> start =
                        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY.plus(offset)));
                default -> {
                    LocalDate thisMonth = today.withDayOfMonth(offset + 1);
                    start = today.isBefore(thisMonth) ? thisMonth.minusMonths(1) : thisMonth;
                }
            }
            return start.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
