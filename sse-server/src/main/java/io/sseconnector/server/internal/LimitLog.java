package io.sseconnector.server.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One limit's count and its WARN line, at most one a minute: the first hit of an episode is logged
 * with its context, the hits in the minute after it are only counted, and the next line says how
 * many there were. A flood of hostile connections costs a few log lines, not one per connection.
 */
final class LimitLog {
    static final System.Logger LOG = System.getLogger("io.sseconnector.server.HttpServer");
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();
    /** When the next line may be written ({@code System.nanoTime()} scale); 0 before the first. */
    private final AtomicLong quietUntil = new AtomicLong();

    private volatile boolean reported;

    LimitLog(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts a hit and logs {@code context} unless a line was written less than a minute ago. */
    void hit(Supplier<String> context) {
        long total = count.incrementAndGet();
        long now = clock.getAsLong();
        long until = quietUntil.get();
        boolean due = !reported || now - until >= 0;
        if (due && quietUntil.compareAndSet(until, now + INTERVAL_NANOS)) {
            reported = true;
            long missed = unreported.getAndSet(0);
            LOG.log(
                    Level.WARNING,
                    context.get() + " (" + total + " so far"
                            + (missed > 0 ? ", " + missed + " since the last report" : "")
                            + "; for a minute further ones are counted, not logged)");
        } else {
            unreported.incrementAndGet();
        }
    }

    long count() {
        return count.get();
    }
}
