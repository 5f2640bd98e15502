package dev.apigw.emulator.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.util.introspection.IntrospectionCacheData;
import org.jspecify.annotations.Nullable;

/**
 * What Velocity learnt about the values one parsed template touches (which getter or method {@code $order.items}
 * and {@code $util.urlEncode(...)} resolve to), kept across renders. Velocity keeps this per context, so with a
 * fresh context per request every render introspected every reference again: about a sixth of a render in the
 * profile (issue 8).
 *
 * <p>Sharing is safe: Velocity keys each entry by the node (or method name and argument types) and checks on every
 * use that the value's class is the one the entry was made for, re-introspecting otherwise; the entries hold
 * resolved {@code Method}s and map keys, never values; and only entries the uberspector marks cacheable are stored.
 * {@link TemplateUberspector} decides by class and name alone, so a cached answer is the one it would give again.
 * Setters are never cached by Velocity (the uberspector's answer depends on the value there), and Velocity's
 * per-render markers stay in the render's context ({@link TemplateContext#icachePut}).
 *
 * <p>Bounded: {@code #evaluate} parses new nodes on each render, which must not grow the cache for ever; past
 * {@link #MAX_ENTRIES} entries new ones stay in the render's own context, as without this cache.
 */
final class IntrospectionCache {
    static final int MAX_ENTRIES = 4096;

    private final Map<Object, IntrospectionCacheData> entries = new ConcurrentHashMap<>();

    @Nullable IntrospectionCacheData get(Object key) {
        return entries.get(key);
    }

    /** Stores an entry; false when the cache is full (the caller keeps it locally). */
    boolean offer(Object key, IntrospectionCacheData data) {
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            return false;
        }
        entries.put(key, data);
        return true;
    }

    int size() {
        return entries.size();
    }
}
