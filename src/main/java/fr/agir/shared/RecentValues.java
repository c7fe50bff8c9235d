package fr.agir.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A few values kept for a short time, each computed by one caller at a time (issue 21: the steering
 * dashboard's figures). A value is served until it expires; then the first caller recomputes it while
 * the others get the previous value instead of computing it too. When there is no value yet, the first
 * caller computes it and the others wait for it. At most {@code maxEntries} keys are kept (the oldest
 * computed value leaves first). A failed computation keeps nothing and is thrown to its caller.
 */
public final class RecentValues<K, V> {
    /** A value and when it was computed (read from the clock before computing it). */
    public record Stamped<V>(V value, Instant computedAt, Instant expiresAt) {
    }

    private static final class Slot<V> {
        final ReentrantLock lock = new ReentrantLock();
        volatile Stamped<V> current;
    }

    private final Clock clock;
    private final int maxEntries;
    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

    public RecentValues(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The value of {@code key}, computed by {@code compute} and kept {@code timeToLive} when missing or expired. */
    public Stamped<V> get(K key, Duration timeToLive, Supplier<V> compute) {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        Stamped<V> known = slot.current;
        if (fresh(known)) {
            return known;
        }
        if (known != null) {
            if (!slot.lock.tryLock()) {
                return known; // another caller is refreshing it: the previous value meanwhile
            }
        } else {
            slot.lock.lock(); // nothing to serve yet: wait for the caller computing it
        }
        try {
            Stamped<V> again = slot.current;
            if (fresh(again)) {
                return again;
            }
            Instant at = clock.instant();
            V value = compute.get();
            Stamped<V> stamped = new Stamped<>(value, at, at.plus(timeToLive));
            slot.current = stamped;
            slots.putIfAbsent(key, slot);
            trim(key);
            return stamped;
        } finally {
            slot.lock.unlock();
        }
    }

    /** Forgets every value (the next call of each key computes it again). */
    public void clear() {
        slots.clear();
    }

    /** How many keys hold a value. */
    public int size() {
        return (int) slots.values().stream().filter(s -> s.current != null).count();
    }

    /** How many callers wait for the first value of {@code key} (for tests). */
    int waiting(K key) {
        Slot<V> slot = slots.get(key);
        return slot == null ? 0 : slot.lock.getQueueLength();
    }

    private boolean fresh(Stamped<V> stamped) {
        return stamped != null && clock.instant().isBefore(stamped.expiresAt());
    }

    private void trim(K kept) {
        while (slots.size() > maxEntries) {
            slots.entrySet().stream().filter(e -> !e.getKey().equals(kept))
                    .min(Comparator.comparing((Map.Entry<K, Slot<V>> e) -> e.getValue().current == null ? Instant.MIN
                            : e.getValue().current.computedAt()))
                    .ifPresent(e -> slots.remove(e.getKey(), e.getValue()));
        }
    }
}
