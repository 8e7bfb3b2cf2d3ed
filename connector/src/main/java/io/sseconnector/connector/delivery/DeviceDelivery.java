package io.sseconnector.connector.delivery;

import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.destination.JsonCheck;
import io.sseconnector.connector.destination.RoutedEvent;
import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.Routes;
import io.sseconnector.connector.route.Target;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.stats.Shorten;
import io.sseconnector.core.SseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one device's events to their destinations in the order received, at least once.
 *
 * <p>Events wait in a {@link DeliveryBuffer}, are sent in order with up to {@code window}
 * unacknowledged, and count as delivered when every target acknowledged them; the last delivered
 * id (the head of the acknowledged prefix) goes to the {@link OffsetStore}. When a send fails in a
 * way a retry can fix (the broker went away), every unacknowledged event is sent again from the
 * first one, once the destinations are ready: duplicates are possible, gaps and reordering are not.
 *
 * <p>When a target cannot take an event at all ({@link Undeliverable}: an invalid topic, a message
 * too large, a refusal by reason code; or the same event failed {@value #MAX_FAILURES} times), the
 * event goes to that target's dead-letter route with the reason, is counted, logged (at most a line
 * per reason every 10 s) and the offset moves past it. No event stays in flight for ever.
 *
 * <p>Events arrive on the stream's I/O thread and acknowledgements on the destinations' threads;
 * all state is guarded by this object's monitor, and no send is awaited while holding it.
 */
public final class DeviceDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDelivery.class);
    /** Failures of one event, each making everything in flight go again, before it is dead-lettered. */
    static final int MAX_FAILURES = 5;

    private static final byte[] EMPTY = new byte[0];

    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final String device;
    private final Routes router;
    private final BridgeStats stats;
    private final OffsetStore offsets;
    private final ScheduledExecutorService scheduler;
    private final int window;
    private final DeliveryBuffer buffer;
    private final JsonCheck jsonCheck = new JsonCheck();
    private final DeadLetters deadLetters;

    private boolean retryScheduled;
    private boolean pumping;
    private boolean pumpAgain;
    private volatile String lastDeliveredId = "";

    /**
     * @param window events sent and not yet acknowledged, at most (pipelining towards the broker)
     * @param spillFile the device's spill file (used when {@code limits.spillBytes()} > 0), or {@code
     *     null} for memory only
     * @param flow pauses and resumes the device's source when the buffer is full under {@code block}
     */
    public DeviceDelivery(
            String device,
            Routes router,
            BufferConfig limits,
            int window,
            BridgeStats stats,
            OffsetStore offsets,
            ScheduledExecutorService scheduler,
            Path spillFile,
            FlowControl flow) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        this.device = device;
        this.router = router;
        this.stats = stats;
        this.offsets = offsets;
        this.scheduler = scheduler;
        this.window = window;
        SpillFile spill =
                limits.spillBytes() > 0 && spillFile != null ? SpillFile.open(spillFile, limits.spillBytes()) : null;
        this.deadLetters = new DeadLetters(device, router, stats);
        this.buffer = new DeliveryBuffer(device, limits, spill, flow, stats, this::admit);
    }

    public String device() {
        return device;
    }

    /** The stream resumes after this id (from the offset store): shown until a newer one is delivered. */
    public void resumeFrom(String id) {
        lastDeliveredId = id;
    }

    /** The id of the last event delivered (or the stored one resumed from), {@code ""} when none. */
    public String lastDeliveredId() {
        return lastDeliveredId;
    }

    /** A new event from the device's stream. */
    public synchronized void accept(SseEvent event) {
        stats.received(event.type());
        buffer.add(event, System.nanoTime());
        pump();
    }

    /**
     * The device sent an event that was not kept (larger than {@code maxEventSize}): a notice of it
     * goes to the dead-letter route of its type, in its place in the stream, so the offset moves
     * past it once the notice is acknowledged.
     *
     * @param size the bytes of data it had
     * @param limit the name of the limit it passed, e.g. {@code maxEventSize}
     */
    public synchronized void skipped(String type, String id, long size, String limit) {
        stats.received(type);
        Undeliverable why = new Undeliverable(
                Undeliverable.Reason.OVERSIZED_EVENT,
                size + " bytes of data, over " + limit + "; the data was not kept");
        List<Target> targets = deadLetters.forEvent(type, id, "the source", why);
        byte[] notice = deadLetters.notice(type, id, size, why.describe());
        SseEvent event = new SseEvent(type, new String(notice, StandardCharsets.UTF_8), id, -1);
        buffer.add(new Pending(event, targets, notice, true, System.nanoTime(), true));
        pump();
    }

    /** Routes an event as it enters memory; a fault while routing sends it to the dead-letter route. */
    private Pending admit(SseEvent event, byte[] payload, long receivedNanos) {
        List<Target> targets;
        boolean json;
        try {
            targets = router.targets(event);
            json = !targets.isEmpty() && jsonCheck.isJson(event.data());
        } catch (RuntimeException e) {
            LOG.error(
                    "device {}: routing {} event id '{}' failed; it goes to the dead-letter route",
                    device,
                    Shorten.forLog(event.type()),
                    Shorten.forLog(event.lastEventId()),
                    e);
            Undeliverable why = new Undeliverable(Undeliverable.Reason.INTERNAL, "routing failed: " + e);
            targets = deadLetters.forEvent(event.type(), event.lastEventId(), "its routes", why);
            json = false;
        }
        return new Pending(event, targets, targets.isEmpty() ? EMPTY : payload, json, receivedNanos, false);
    }

    /**
     * Sends waiting events while the window allows and their destinations are ready. A destination
     * may acknowledge inside send() (an already completed future); that re-enters here and is
     * handled by the outer loop instead of recursing once per event.
     */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                Pending next;
                while (buffer.inFlight() < window && (next = buffer.nextWaiting()) != null) {
                    if (!allReady(next.targets)) {
                        break; // resumed by destinationsReady() or the retry timer
                    }
                    buffer.markSent();
                    send(next);
                }
                completeHead();
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
    }

    private boolean allReady(List<Target> targets) {
        for (Target target : targets) {
            try {
                if (!target.destination().isReady()) {
                    return false;
                }
            } catch (RuntimeException e) {
                // Taken as ready: the send then fails and the event goes the way of any failed send.
                LOG.debug(
                        "device {}: {} failed to say whether it is ready: {}",
                        device,
                        target.destination().describe(),
                        e.toString());
            }
        }
        return true;
    }

    private void send(Pending pending) {
        int attempt = ++pending.attempt;
        List<Target> targets = pending.targets;
        pending.remaining = targets.size();
        for (Target target : targets) {
            sendTo(pending, attempt, target);
        }
    }

    private void sendTo(Pending pending, int attempt, Target target) {
        CompletableFuture<Void> sent;
        try {
            sent = target.destination().send(routed(pending, target));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // a destination's fault is this event's failure, not the stream's
        }
        sent.whenComplete((ok, error) -> acknowledged(pending, attempt, target, error));
    }

    private RoutedEvent routed(Pending pending, Target target) {
        byte[] payload = pending.payload;
        boolean json = pending.json;
        if (target.isDeadLetter() && !target.failure().reason().keepsPayload()) {
            payload = deadLetters.notice(
                    pending.event.type(), pending.event.lastEventId(), pending.bytes, target.error());
            json = true;
        }
        return new RoutedEvent(device, target.asset(), pending.event, payload, json, target.error());
    }

    private synchronized void acknowledged(Pending pending, int attempt, Target target, Throwable error) {
        if (attempt != pending.attempt) {
            return; // an acknowledgement of an attempt that was already re-sent
        }
        if (error == null) {
            pending.remaining--;
        } else {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof Undeliverable undeliverable) {
                undeliverable(pending, attempt, target, undeliverable);
            } else if (++pending.failures >= MAX_FAILURES) {
                undeliverable(
                        pending,
                        attempt,
                        target,
                        new Undeliverable(
                                Undeliverable.Reason.REFUSED,
                                "failed " + pending.failures + " times in a row, last: " + cause));
            } else {
                stats.retried();
                LOG.debug(
                        "device {}: send to {} failed ({}), re-sending from the oldest unacknowledged event",
                        device,
                        target.destination().describe(),
                        cause.toString());
                buffer.sendAgain();
                scheduleRetry();
            }
        }
        pump();
    }

    /** The target cannot take this event: its dead letter replaces it, or the event is given up there. */
    private void undeliverable(Pending pending, int attempt, Target target, Undeliverable why) {
        Target deadLetter = deadLetters.replace(target, pending.event.type(), pending.event.lastEventId(), why);
        if (deadLetter == null) {
            pending.remaining--;
            return;
        }
        pending.replace(target, deadLetter);
        sendTo(pending, attempt, deadLetter);
    }

    private void scheduleRetry() {
        if (retryScheduled) {
            return;
        }
        retryScheduled = true;
        scheduler.schedule(
                () -> {
                    synchronized (this) {
                        retryScheduled = false;
                        pump();
                        if (buffer.nextWaiting() != null && buffer.inFlight() == 0) {
                            scheduleRetry(); // destinations still not ready
                        }
                    }
                },
                RETRY_DELAY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A destination (re)connected: send what waits. */
    public synchronized void destinationsReady() {
        pump();
    }

    /** Retires acknowledged events from the head, in order, and records the delivered offset. */
    private void completeHead() {
        String lastId = null;
        Pending head;
        while ((head = buffer.oldestInFlight()) != null && head.remaining == 0) {
            buffer.retireOldest();
            if (!head.targets.isEmpty() && !head.notice) {
                stats.delivered(head.event.type(), System.nanoTime() - head.receivedNanos);
            }
            if (!head.event.lastEventId().isEmpty()) {
                lastId = head.event.lastEventId();
            }
        }
        if (lastId != null) {
            offsets.record(device, lastId);
            lastDeliveredId = lastId;
        }
        if (buffer.isEmpty()) {
            notifyAll();
        }
    }

    /** Closes the spill file, keeping what it holds for the next start (it is drained first then). */
    public synchronized void close() {
        buffer.close();
    }

    /** Events waiting in the spill file. */
    public synchronized long spilled() {
        return buffer.spilled();
    }

    /** Events received and not yet delivered, in memory. */
    public synchronized int buffered() {
        return buffer.size();
    }

    /** Waits until every received event is delivered, or the timeout passes; true when drained. */
    public synchronized boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!buffer.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
