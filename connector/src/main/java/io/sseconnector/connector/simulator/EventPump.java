package io.sseconnector.connector.simulator;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Moves every camera forward, every {@link #PERIOD_MS} ms, and publishes what happened as one batch
 * per camera (one flush per subscriber per batch). In real-time mode the cameras' timelines follow
 * the clock; under {@code --rate N} each camera publishes N events per second from its sequence.
 * After a pause (GC, a loaded machine) it catches up at most one second of events, spread over ticks
 * of at most {@link #MAX_BATCH_MS} ms of events each, so that a burst never floods subscribers.
 */
final class EventPump implements Runnable {
    static final long PERIOD_MS = 10;
    static final long MAX_BATCH_MS = 50;

    private static final System.Logger LOG = System.getLogger(EventPump.class.getName());

    private final List<CameraDevice> devices;
    private final double rate;
    private final LongSupplier nanoTime;
    private final long startNanos;
    /** Load mode: events published per camera so far (all cameras move in step). */
    private long emitted;

    private boolean failed;

    EventPump(List<CameraDevice> devices, double rate, LongSupplier nanoTime) {
        this.devices = List.copyOf(devices);
        this.rate = rate;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public void run() {
        try {
            long elapsedNanos = nanoTime.getAsLong() - startNanos;
            if (rate > 0) {
                pumpAtRate(elapsedNanos);
            } else {
                for (CameraDevice device : devices) {
                    device.publishDue(elapsedNanos / 1_000_000);
                }
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log once and keep going.
            if (!failed) {
                failed = true;
                LOG.log(Level.ERROR, "camera event pump failed; carrying on with the next tick", e);
            }
        }
    }

    private void pumpAtRate(long elapsedNanos) {
        long target = (long) (rate * elapsedNanos / 1e9);
        long oneSecond = Math.max(1, (long) rate);
        if (target - emitted > oneSecond) {
            emitted = target - oneSecond; // a long pause: drop what is older than a second
        }
        long batch = Math.min(target - emitted, Math.max(1, (long) Math.ceil(rate * MAX_BATCH_MS / 1000.0)));
        if (batch <= 0) {
            return;
        }
        for (CameraDevice device : devices) {
            device.publishNext((int) batch);
        }
        emitted += batch;
    }
}
