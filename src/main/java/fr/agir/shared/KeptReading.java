package fr.agir.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A value read from the database at most once per period, whoever asks (Prometheus scrapes every
 * gauge of a reading one after the other: one query answers them all). The reader is given the
 * instant of the reading.
 */
public final class KeptReading<T> {
    private final Duration kept;
    private final Clock clock;
    private final Function<Instant, T> reader;
    private Instant readAt;
    private T value;

    public KeptReading(Duration kept, Clock clock, Function<Instant, T> reader) {
        this.kept = kept;
        this.clock = clock;
        this.reader = reader;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || readAt.plus(kept).isBefore(now)) {
            value = reader.apply(now);
            readAt = now;
        }
        return value;
    }
}
