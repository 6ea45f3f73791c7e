package org.sdaplanner.web.plans;

import org.sdaplanner.web.CachedBody;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered map layers of one plan view, by key, each computed once. At most {@code capacity} are kept:
 * a key past that is rendered on every request rather than let a client fill memory with zooms and versions.
 */
final class LayerCache {
    private final int capacity;
    private final ConcurrentHashMap<String, Once<CachedBody>> layers = new ConcurrentHashMap<>();

    LayerCache(int capacity) {
        this.capacity = capacity;
    }

    CachedBody get(String key, Supplier<CachedBody> render) {
        Once<CachedBody> held = layers.get(key);
        if (held == null) {
            if (layers.size() >= capacity) {
                return render.get();
            }
            held = layers.computeIfAbsent(key, k -> new Once<>());
        }
        return held.get(render);
    }

    int size() {
        return layers.size();
    }
}
