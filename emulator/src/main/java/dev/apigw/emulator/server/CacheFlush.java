package dev.apigw.emulator.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.cache.StageCache;
import io.javalin.http.Context;

/**
 * {@code DELETE PREFIX/cache}: API Gateway's FlushStageCache for every stage the server serves, or for the one
 * {@code ?stage=} names. A stage's canary variant that keeps off the stage cache has its own (empty) one, and one
 * that uses the stage cache shares it; either way it is flushed with its stage, and an entry is counted once.
 */
final class CacheFlush {
    private CacheFlush() {}

    /** What was flushed: the total and, stage by stage, how many entries each held. */
    record Flushed(long flushedEntries, List<StageFlushed> stages) {}

    record StageFlushed(String stage, long flushedEntries) {}

    static void answer(ServedStages served, String prefix, Context ctx) {
        String only = ctx.queryParam("stage");
        if (only != null && !served.names().contains(only)) {
            ctx.status(404).json(Map.of("message", "DELETE " + prefix + "/cache?stage=" + only + ": this server"
                    + " serves no stage '" + only + "'; it serves " + String.join(", ", served.names())
                    + " (leave ?stage= out to flush every stage's cache)"));
            return;
        }
        ctx.json(flush(served, only == null ? served.names() : List.of(only)));
    }

    static Flushed flush(ServedStages served, List<String> stages) {
        List<StageFlushed> flushed = new ArrayList<>();
        long total = 0;
        for (String stage : stages) {
            Set<StageCache> caches = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Gateway gateway : served.gateways(stage)) {
                caches.add(gateway.stageCache());
            }
            long entries = 0;
            for (StageCache cache : caches) {
                entries += cache.size();
                cache.flush();
            }
            flushed.add(new StageFlushed(stage, entries));
            total += entries;
        }
        return new Flushed(total, flushed);
    }
}
