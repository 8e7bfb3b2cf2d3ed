package io.sseconnector.connector.delivery;

import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.core.SseEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one device that were received and are not yet acknowledged, in the order received:
 * waiting in memory, sent and unacknowledged ("in flight"), and, once memory is full, waiting in a
 * spill file on disk behind them. When memory and disk are both full the overflow policy applies:
 * {@code block} pauses the source through its {@link FlowControl} and resumes it once the buffer
 * drained to half; {@code drop-oldest} drops the oldest waiting (unsent) events, counted.
 *
 * <p>Events enter memory through an {@link Admission}, which routes them; events on disk are routed
 * when they come back. Not thread-safe: used under its {@link DeviceDelivery}'s monitor.
 */
final class DeliveryBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryBuffer.class);

    /** Turns a received event into a routed {@link Pending} as it enters memory. */
    interface Admission {
        Pending admit(SseEvent event, byte[] payload, long receivedNanos);
    }

    private final String device;
    private final BufferConfig limits;
    private final SpillFile spill;
    private final FlowControl flow;
    private final BridgeStats stats;
    private final Admission admission;

    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    /**
     * Events that must wait behind the spill file but cannot go into it: those the file could not
     * take (a disk error; the source is paused meanwhile) and dead-letter notices, already routed.
     */
    private final ArrayDeque<Pending> held = new ArrayDeque<>();

    private long bytes;
    private boolean paused;
    private boolean spilling;
    private boolean overflowLogged;
    private boolean spillBroken;
    private long droppedThisEpisode;

    /** @param spill the spill file, or {@code null} for memory only; it may hold events from before a restart */
    DeliveryBuffer(
            String device,
            BufferConfig limits,
            SpillFile spill,
            FlowControl flow,
            BridgeStats stats,
            Admission admission) {
        this.device = device;
        this.limits = limits;
        this.spill = spill;
        this.flow = flow;
        this.stats = stats;
        this.admission = admission;
        this.spilling = spill != null && !spill.isEmpty();
        if (spilling) {
            LOG.info(
                    "device {}: {} event(s) wait in the spill file {} from before the restart; they are delivered"
                            + " first",
                    device,
                    spill.records(),
                    spill.path());
        }
    }

    /** A new event from the source: into memory, or behind what is on disk, or the overflow policy. */
    void add(SseEvent event, long receivedNanos) {
        byte[] payload = event.data().getBytes(StandardCharsets.UTF_8);
        if (!held.isEmpty() || (spill != null && (!spill.isEmpty() || isFull(payload.length)))) {
            toDisk(event, payload, receivedNanos);
            return;
        }
        if (isFull(payload.length)) {
            overflow(() -> isFull(payload.length));
        }
        keep(admission.admit(event, payload, receivedNanos));
    }

    /** An event routed already (a dead-letter notice): behind everything received before it. */
    void add(Pending pending) {
        if (!held.isEmpty() || (spill != null && !spill.isEmpty())) {
            held.add(pending);
            return;
        }
        if (isFull(pending.bytes)) {
            overflow(() -> isFull(pending.bytes));
        }
        keep(pending);
    }

    private void keep(Pending pending) {
        waiting.add(pending);
        bytes += pending.bytes;
    }

    /**
     * Memory is full, or older events are already on disk: the event goes to the spill file. When
     * the file is full too the overflow policy applies ({@code block}: the events of the read being
     * parsed still go to the file, which may pass its limit by one read).
     */
    private void toDisk(SseEvent event, byte[] payload, long receivedNanos) {
        if (spillBroken || !held.isEmpty()) {
            held.add(admission.admit(event, payload, receivedNanos));
            pause("pausing the SSE stream until the spill file drains");
            return;
        }
        int size = SpillFile.recordSize(event, payload);
        if (!spill.fits(size)) {
            overflow(() -> !spill.fits(size));
        }
        if (!spilling) {
            spilling = true;
            LOG.warn(
                    "device {}: memory buffer full ({} events, {} bytes); spilling to {} (up to {} bytes) until the"
                            + " destinations catch up",
                    device,
                    size(),
                    bytes,
                    spill.path(),
                    limits.spillBytes());
        }
        try {
            spill.append(event, payload, receivedNanos);
        } catch (UncheckedIOException e) {
            spillBroken = true;
            LOG.error(
                    "device {}: cannot write the spill file {} ({}); holding events in memory and pausing the SSE"
                            + " stream until the destinations catch up",
                    device,
                    spill.path(),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            held.add(admission.admit(event, payload, receivedNanos));
            pause("pausing the SSE stream until the spill file drains");
        }
    }

    /**
     * The overflow policy, for memory and spill file alike: {@code drop-oldest} drops the oldest
     * unsent events while {@code full} holds; {@code block} pauses the source.
     */
    private void overflow(java.util.function.BooleanSupplier full) {
        if (limits.overflow() == BufferConfig.Overflow.DROP_OLDEST) {
            while (full.getAsBoolean() && dropOldest()) {
                stats.dropped();
                droppedThisEpisode++;
            }
            logOverflowOnce("dropping the oldest waiting events (overflow: drop-oldest)");
        } else {
            pause("pausing the SSE stream (overflow: block)");
        }
    }

    private void pause(String action) {
        if (!paused) {
            paused = true;
            flow.pause();
            logOverflowOnce(action);
        }
    }

    /** Drops the oldest event not yet sent: memory holds older events than the spill file. */
    private boolean dropOldest() {
        if (!waiting.isEmpty()) {
            bytes -= waiting.poll().bytes;
            return true;
        }
        return spill != null && spill.drop();
    }

    private void logOverflowOnce(String action) {
        if (!overflowLogged) {
            overflowLogged = true;
            LOG.warn(
                    "device {}: buffer full ({} events, {} bytes in memory, {} events / {} bytes on disk; limits {} / {}"
                            + " / {}); {} until the destinations catch up",
                    device,
                    size(),
                    bytes,
                    spilled(),
                    spill == null ? 0 : spill.bytes(),
                    limits.maxEvents(),
                    limits.maxBytes(),
                    limits.spillBytes(),
                    action);
        }
    }

    /** The oldest event waiting to be sent (spilled events are brought back first), or {@code null}. */
    Pending nextWaiting() {
        refill();
        return waiting.peek();
    }

    /** The event {@link #nextWaiting()} returned is being sent. */
    void markSent() {
        inFlight.add(waiting.poll());
    }

    int inFlight() {
        return inFlight.size();
    }

    /** The oldest event in flight, or {@code null}. */
    Pending oldestInFlight() {
        return inFlight.peek();
    }

    /** The oldest event in flight is acknowledged by every target: it leaves the buffer. */
    void retireOldest() {
        Pending done = inFlight.poll();
        bytes -= done.bytes;
        if (done.spillEnd >= 0) {
            spill.acknowledge(done.spillEnd); // it does not come back after a restart
        }
        if (paused
                && size() <= limits.maxEvents() / 2
                && bytes <= limits.maxBytes() / 2
                && held.isEmpty()
                && (spill == null || spill.bytes() <= limits.spillBytes() / 2)) {
            paused = false;
            flow.resume();
            LOG.info("device {}: buffer drained to {} events; reading the SSE stream again", device, size());
        }
        if (overflowLogged && size() <= limits.maxEvents() / 2) {
            overflowLogged = false;
            if (droppedThisEpisode > 0) {
                LOG.warn(
                        "device {}: buffer drained; {} oldest events were dropped while it was full",
                        device,
                        droppedThisEpisode);
            }
            droppedThisEpisode = 0;
        }
    }

    /** Puts every event in flight back in front of the waiting ones, to be sent again in order. */
    void sendAgain() {
        Iterator<Pending> newestFirst = inFlight.descendingIterator();
        while (newestFirst.hasNext()) {
            Pending pending = newestFirst.next();
            pending.attempt++; // late acknowledgements of the old attempt are ignored
            waiting.addFirst(pending);
        }
        inFlight.clear();
    }

    /** Moves spilled (then held) events back into memory, oldest first, while there is room. */
    private void refill() {
        while (spill != null && !spill.isEmpty() && !isFull(0)) {
            SpillFile.Spilled next;
            try {
                next = spill.poll();
            } catch (UncheckedIOException e) {
                long lost = spill.records();
                LOG.error(
                        "device {}: cannot read the spill file {} ({}); {} event(s) in it are lost (counted as"
                                + " dropped)",
                        device,
                        spill.path(),
                        e.getCause() == null ? e.toString() : e.getCause().toString(),
                        lost);
                for (long i = 0; i < lost; i++) {
                    stats.dropped();
                }
                spill.clear();
                break;
            }
            Pending pending = admission.admit(next.event(), next.payload(), next.receivedNanos());
            pending.spillEnd = next.end();
            keep(pending);
        }
        if (spilling && (spill == null || spill.isEmpty())) {
            spilling = false;
            LOG.info("device {}: spill file drained; buffering in memory again", device);
        }
        while (!held.isEmpty() && (spill == null || spill.isEmpty()) && !isFull(0)) {
            keep(held.poll());
        }
    }

    private boolean isFull(long moreBytes) {
        return size() + 1 > limits.maxEvents() || bytes + moreBytes > limits.maxBytes();
    }

    /** Events in memory, waiting or in flight. */
    int size() {
        return waiting.size() + inFlight.size();
    }

    /** Events on disk (and held because the disk failed). */
    long spilled() {
        return (spill == null ? 0 : spill.records()) + held.size();
    }

    boolean isEmpty() {
        return size() == 0 && spilled() == 0;
    }

    /** Closes the spill file; what it holds is kept for the next start. */
    void close() {
        if (spill != null) {
            spill.close();
        }
    }
}
