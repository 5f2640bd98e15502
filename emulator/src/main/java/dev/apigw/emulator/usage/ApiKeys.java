package dev.apigw.emulator.usage;

import dev.apigw.emulator.usage.UsagePlans.ApiKey;
import dev.apigw.emulator.usage.UsagePlans.UsagePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the usage plan an API key is subscribed to for a stage. AWS refuses a key that is unknown, disabled, or not
 * attached to a plan covering the stage, all with the same 403.
 */
final class ApiKeys {
    /** A key attached to a plan ({@code UsagePlanKey}). */
    record Subscription(UsagePlan plan, ApiKey key) {}

    private final Map<String, List<Subscription>> byValue = new HashMap<>();

    ApiKeys(UsagePlans plans) {
        for (UsagePlan plan : plans.plans()) {
            for (ApiKey key : plan.apiKeys()) {
                byValue.computeIfAbsent(key.value(), v -> new ArrayList<>()).add(new Subscription(plan, key));
            }
        }
    }

    Optional<Subscription> find(String value, String stage) {
        return byValue.getOrDefault(value, List.of()).stream()
                .filter(s -> s.key().enabled() && s.plan().covers(stage))
                .findFirst();
    }
}
