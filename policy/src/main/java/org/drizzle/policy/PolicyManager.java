package org.drizzle.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the layered policy sources and the effective {@link PolicySnapshot}. Each source keeps
 * its last good layer: when a source changes, its new values are validated on their own and
 * together with the others; a rejection is logged and remembered (for Get-BitsPolicy) and the
 * last good layer stays in force. Listeners hear about every effective change.
 */
public final class PolicyManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyManager.class);

    private final List<PolicyProvider> providers;
    private final Map<PolicyProvider, PolicyLayer> lastGood = new LinkedHashMap<>();
    private final Map<PolicySource, String> rejections = new LinkedHashMap<>();
    private final List<Consumer<PolicySnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile PolicySnapshot current = PolicySnapshot.NOT_CONFIGURED;

    /** {@code providers} in layering order: later ones win. */
    public PolicyManager(List<PolicyProvider> providers) {
        this.providers = List.copyOf(providers);
        for (PolicyProvider p : this.providers) {
            lastGood.put(p, PolicyLayer.empty(p.source(), p.origin()));
        }
    }

    /** Loads every source once, without watching (for one-shot readers such as Get-BitsPolicy). */
    public void load() {
        for (PolicyProvider p : providers) {
            reload(p);
        }
    }

    /** Loads every source once and starts change detection. */
    public void start() {
        load();
        for (PolicyProvider p : providers) {
            p.start(() -> reload(p));
        }
    }

    /** The effective policy now. */
    public PolicySnapshot current() {
        return current;
    }

    /** The latest rejection per source that is still in effect (its last good policy is used). */
    public synchronized Map<PolicySource, String> rejections() {
        return new LinkedHashMap<>(rejections);
    }

    /** Called with the new snapshot after every effective change, outside any lock. */
    public void addListener(Consumer<PolicySnapshot> listener) {
        listeners.add(listener);
    }

    /** Reads {@code provider} again; returns false if its new values were rejected. */
    public boolean reload(PolicyProvider provider) {
        PolicySnapshot changed = null;
        boolean accepted;
        synchronized (this) {
            try {
                PolicyLayer layer = provider.load();
                List<PolicyLayer> layers = new ArrayList<>();
                for (PolicyProvider p : providers) {
                    layers.add(p == provider ? layer : lastGood.get(p));
                }
                PolicySnapshot next = PolicySnapshot.of(layers);
                lastGood.put(provider, layer);
                rejections.remove(provider.source());
                if (!next.equals(current)) {
                    current = next;
                    changed = next;
                    LOG.info("Policy from {} applied: {}", provider.origin(), next.configured().keySet());
                }
                accepted = true;
            } catch (PolicyRejectedException e) {
                rejections.put(provider.source(), e.getMessage());
                LOG.error("{}; the last good policy stays in force", e.getMessage());
                accepted = false;
            } catch (RuntimeException e) {
                rejections.put(provider.source(), provider.origin() + ": " + e);
                LOG.error("Policy from {} could not be read ({}); the last good policy stays in force", provider.origin(), e.toString());
                accepted = false;
            }
        }
        if (changed != null) {
            for (Consumer<PolicySnapshot> l : listeners) {
                l.accept(changed);
            }
        }
        return accepted;
    }

    @Override
    public void close() {
        for (PolicyProvider p : providers) {
            p.close();
        }
    }
}
