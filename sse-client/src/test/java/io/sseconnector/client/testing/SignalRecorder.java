package io.sseconnector.client.testing;

import io.sseconnector.client.SseListener;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.core.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link SseListener} that queues every signal for a test to take in order, with a timeout.
 * It also records rule breaks the test may not look for: a signal after Closed or Failed, or a
 * signal off the thread of the earlier ones.
 */
public final class SignalRecorder implements SseListener {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<StreamSignal> signals = new LinkedBlockingQueue<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile boolean ended;
    private volatile Thread thread;

    @Override
    public void onSignal(StreamSignal signal) {
        if (ended) {
            violations.add("signal after the terminal one: " + signal);
        }
        if (thread == null) {
            thread = Thread.currentThread();
        } else if (thread != Thread.currentThread()) {
            violations.add("signal on " + Thread.currentThread().getName() + ", earlier ones on " + thread.getName());
        }
        if (signal instanceof StreamSignal.Closed || signal instanceof StreamSignal.Failed) {
            ended = true;
        }
        signals.add(signal);
    }

    /** The next signal, waiting up to 10 s. */
    public StreamSignal next() throws InterruptedException {
        StreamSignal signal = signals.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (signal == null) {
            throw new AssertionError("no signal within " + TIMEOUT);
        }
        return signal;
    }

    /** The next signal, which must be a {@code type}. */
    public <T extends StreamSignal> T next(Class<T> type) throws InterruptedException {
        StreamSignal signal = next();
        if (!type.isInstance(signal)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + signal);
        }
        return type.cast(signal);
    }

    /** Skips signals until one of {@code type}. */
    public <T extends StreamSignal> T await(Class<T> type) throws InterruptedException {
        while (true) {
            StreamSignal signal = next();
            if (type.isInstance(signal)) {
                return type.cast(signal);
            }
        }
    }

    /** The next signal's event, which must be an Event. */
    public SseEvent nextEvent() throws InterruptedException {
        return next(StreamSignal.Event.class).event();
    }

    /** Waits {@code quiet} and returns what arrived meanwhile (usually asserted empty). */
    public List<StreamSignal> during(Duration quiet) throws InterruptedException {
        Thread.sleep(quiet.toMillis());
        List<StreamSignal> arrived = new ArrayList<>();
        signals.drainTo(arrived);
        return arrived;
    }

    /** Signals received and not taken yet. */
    public List<StreamSignal> pending() {
        return new ArrayList<>(signals);
    }

    /** Rule breaks seen so far: signals after the terminal one, signals on another thread. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    public boolean ended() {
        return ended;
    }
}
