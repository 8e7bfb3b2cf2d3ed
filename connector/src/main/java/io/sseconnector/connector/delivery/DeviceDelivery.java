package io.sseconnector.connector.delivery;

import io.sseconnector.client.SseListener;
import io.sseconnector.client.SseStream;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.JsonCheck;
import io.sseconnector.connector.destination.RoutedEvent;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.PayloadGate;
import io.sseconnector.connector.route.Router;
import io.sseconnector.connector.route.Routing;
import io.sseconnector.connector.route.Target;
import io.sseconnector.connector.schema.ValidationMode;
import io.sseconnector.connector.schema.Verdict;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.core.SseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one device's events to their destinations in the order received, at least once.
 *
 * <p>Events wait in a bounded buffer, are sent in order with up to {@code window} unacknowledged,
 * and count as delivered when every target acknowledged them; the last delivered id (the head of
 * the acknowledged prefix) goes to the {@link OffsetStore}. When a send fails (the broker went away)
 * every unacknowledged event is sent again from the first one, once the destinations are ready:
 * duplicates are possible, gaps and reordering are not. A full buffer pauses the SSE stream
 * ({@code block}) or drops the oldest waiting event ({@code drop-oldest}).
 *
 * <p>Signals arrive on the stream's I/O thread and acknowledgements on the destinations' threads;
 * all state is guarded by this object's monitor, and no send is awaited while holding it.
 */
public final class DeviceDelivery implements SseListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDelivery.class);
    /** Refusals of one event by a connected destination before it is given up. */
    static final int MAX_REFUSALS = 5;

    private static final int INVALID_LOG_EVERY = 1_000;

    private static final byte[] EMPTY = new byte[0];
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final String device;
    private final Router router;
    private final BufferLimits limits;
    private final BridgeStats stats;
    private final OffsetStore offsets;
    private final ScheduledExecutorService scheduler;
    private final JsonCheck jsonCheck = new JsonCheck();

    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    private long bufferedBytes;
    private SseStream stream;
    private boolean paused;
    private boolean retryScheduled;
    private boolean pumping;
    private boolean pumpAgain;
    private boolean overflowLogged;
    private boolean spilling;
    private final SpillFile spill;
    private long invalidLogged;
    private long droppedThisEpisode;

    private volatile DeviceState state = DeviceState.initial();

    public DeviceDelivery(
            String device,
            Router router,
            BufferLimits limits,
            BridgeStats stats,
            OffsetStore offsets,
            ScheduledExecutorService scheduler,
            Path spillFile) {
        this.device = device;
        this.spill =
                limits.spillBytes() > 0 && spillFile != null ? new SpillFile(spillFile, limits.spillBytes()) : null;
        this.router = router;
        this.limits = limits;
        this.stats = stats;
        this.offsets = offsets;
        this.scheduler = scheduler;
    }

    /** The stream this delivery reads; it is paused when the buffer is full under {@code block}. */
    public synchronized void attach(SseStream value) {
        this.stream = value;
    }

    public String device() {
        return device;
    }

    /** The stream resumes after this id (from the offset store): shown until a newer one is delivered. */
    public void resumeFrom(String id) {
        state = state.resumingFrom(id);
    }

    public DeviceState state() {
        return state;
    }

    @Override
    public void onSignal(StreamSignal signal) {
        switch (signal) {
            case StreamSignal.Event event -> accept(event.event());
            case StreamSignal.Opened opened -> {
                state = state.connected(Instant.now());
                LOG.info("device {}: connected to {} (last id '{}')", device, opened.uri(), state.lastDeliveredId());
            }
            case StreamSignal.Retrying retrying -> {
                state = state.disconnected();
                stats.reconnect();
                LOG.warn(
                        "device {}: {}; reconnecting in {} ms (attempt {}, last delivered id '{}')",
                        device,
                        retrying.reason(),
                        retrying.delay().toMillis(),
                        retrying.attempt(),
                        state.lastDeliveredId());
            }
            case StreamSignal.Skipped s ->
                LOG.warn(
                        "device {}: skipped event type '{}' (id '{}', {} data bytes) past {}; the stream goes on",
                        device,
                        s.skipped().type(),
                        s.skipped().lastEventId(),
                        s.skipped().dataBytes(),
                        s.skipped().limit().settingName());
            case StreamSignal.Comment comment -> {
                // keep-alive: the client's idle timer already saw the bytes
            }
            case StreamSignal.Closed closed -> {
                state = state.stopped("closed: " + closed.reason());
                LOG.info("device {}: stream closed ({})", device, closed.reason());
            }
            case StreamSignal.Failed failed -> {
                state = state.stopped("failed: " + failed.error().getMessage());
                LOG.error(
                        "device {}: stream failed for good: {}",
                        device,
                        failed.error().getMessage());
            }
        }
    }

    private synchronized void accept(SseEvent event) {
        stats.received(event.type());
        if (spill != null && (!spill.isEmpty() || isFull(1, event.data().length()))) {
            spill(event);
        } else {
            byte[] payload = event.data().getBytes(StandardCharsets.UTF_8);
            makeRoom(payload.length);
            enqueue(event, payload, System.nanoTime());
        }
        pump();
    }

    /** Routes an event (schema checks included) and appends it to the memory buffer. */
    private void enqueue(SseEvent event, byte[] payload, long receivedNanos) {
        Routing routing = router.route(event.type());
        if (routing.isDrop()) {
            stats.unmatchedDropped();
        }
        List<Target> targets = routing.plainTargets() != null ? routing.plainTargets() : gated(routing, event);
        boolean json = !targets.isEmpty() && jsonCheck.isJson(event.data());
        byte[] kept = targets.isEmpty() ? EMPTY : payload;
        waiting.add(new Pending(event, targets, kept, json, receivedNanos));
        bufferedBytes += kept.length;
    }

    /**
     * The memory buffer is full (or earlier events are already on disk): the event goes to the
     * spill file, behind everything before it. When the file is full too, the overflow policy
     * applies: {@code block} pauses the stream (the events of the chunk being read still go to the
     * file: it may pass its limit by one read), {@code drop-oldest} drops the oldest waiting events.
     */
    private void spill(SseEvent event) {
        byte[] payload = event.data().getBytes(StandardCharsets.UTF_8);
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
                    bufferedBytes,
                    spill.path(),
                    limits.spillBytes());
        }
        spill.append(event, payload, System.nanoTime());
    }

    private void logOverflowOnce(String action) {
        if (!overflowLogged) {
            overflowLogged = true;
            LOG.warn(
                    "device {}: buffer full ({} events, {} bytes in memory, {} events / {} bytes on disk; limits {} / {}"
                            + " / {}); {} until the destinations catch up",
                    device,
                    size(),
                    bufferedBytes,
                    spill == null ? 0 : spill.records(),
                    spill == null ? 0 : spill.bytes(),
                    limits.maxEvents(),
                    limits.maxBytes(),
                    limits.spillBytes(),
                    action);
        }
    }

    /** Moves spilled events back into memory, oldest first, while there is room. */
    private void refill() {
        while (spill != null && !spill.isEmpty() && !isFull(1, 0)) {
            SpillFile.Spilled next = spill.poll();
            enqueue(next.event(), next.payload(), next.receivedNanos());
        }
        if (spilling && spill.isEmpty()) {
            spilling = false;
            LOG.info("device {}: spill file drained; buffering in memory again", device);
        }
    }

    /** The targets of an event whose routes check payloads: dead letters replace invalid ones. */
    private List<Target> gated(Routing routing, SseEvent event) {
        List<Target> targets = new ArrayList<>();
        for (Routing.Match match : routing.matches()) {
            PayloadGate gate = match.gate();
            Verdict verdict = gate == null ? Verdict.VALID : gate.check(event.data());
            if (verdict.valid()) {
                match.destinations().forEach(d -> targets.add(new Target(match.asset(), d)));
            } else if (gate.mode() == ValidationMode.ENFORCE) {
                stats.deadLettered();
                targets.add(new Target(match.asset(), gate.deadLetter(), verdict.reason()));
            } else {
                stats.invalid();
                if (invalidLogged++ % INVALID_LOG_EVERY == 0) {
                    LOG.warn(
                            "device {}: {} event id '{}' does not match the schema of asset {}: {}"
                                    + " (validation: warn, delivered anyway; logged every {} such events)",
                            device,
                            event.type(),
                            event.lastEventId(),
                            match.asset(),
                            verdict.reason(),
                            INVALID_LOG_EVERY);
                }
                match.destinations().forEach(d -> targets.add(new Target(match.asset(), d)));
            }
        }
        return targets;
    }

    /** Applies the overflow policy when this event would not fit in memory (no spill file). */
    private void makeRoom(int bytes) {
        if (isFull(1, bytes)) {
            overflow(() -> isFull(1, bytes));
        }
    }

    /**
     * The overflow policy, for the memory buffer and the spill file alike: {@code drop-oldest}
     * drops the oldest unsent events while {@code full} holds; {@code block} pauses the stream.
     */
    private void overflow(BooleanSupplier full) {
        if (limits.overflow() == BufferLimits.Overflow.DROP_OLDEST) {
            while (full.getAsBoolean() && dropOldest()) {
                stats.dropped();
                droppedThisEpisode++;
            }
            logOverflowOnce("dropping the oldest waiting events (overflow: drop-oldest)");
        } else if (!paused && stream != null) {
            paused = true;
            stream.pause();
            logOverflowOnce("pausing the SSE stream (overflow: block)");
        }
    }

    /** Drops the oldest event not yet sent: memory holds older events than the spill file. */
    private boolean dropOldest() {
        if (!waiting.isEmpty()) {
            bufferedBytes -= waiting.poll().bytes;
            return true;
        }
        if (spill != null && !spill.isEmpty()) {
            spill.poll();
            return true;
        }
        return false;
    }

    private boolean isFull(int moreEvents, long moreBytes) {
        return size() + moreEvents > limits.maxEvents() || bufferedBytes + moreBytes > limits.maxBytes();
    }

    private int size() {
        return waiting.size() + inFlight.size();
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
                refill();
                while (!waiting.isEmpty() && inFlight.size() < limits.window()) {
                    Pending next = waiting.peek();
                    if (!allReady(next.targets)) {
                        break; // resumed by destinationsReady() or the retry timer
                    }
                    waiting.poll();
                    inFlight.add(next);
                    send(next);
                }
                completeHead();
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
    }

    private static boolean allReady(List<Target> targets) {
        for (Target target : targets) {
            if (!target.destination().isReady()) {
                return false;
            }
        }
        return true;
    }

    private void send(Pending pending) {
        int attempt = ++pending.attempt;
        pending.remaining = pending.targets.size();
        for (Target target : pending.targets) {
            RoutedEvent routed = new RoutedEvent(
                    device, target.asset(), pending.event, pending.payload, pending.json, target.error());
            target.destination()
                    .send(routed)
                    .whenComplete((ok, error) -> acknowledged(pending, attempt, target.destination(), error));
        }
    }

    private synchronized void acknowledged(Pending pending, int attempt, Destination destination, Throwable error) {
        if (attempt != pending.attempt) {
            return; // an ack of an attempt that was already re-sent
        }
        if (error == null) {
            pending.remaining--;
            pump();
            return;
        }
        stats.error();
        if (destination.isReady() && ++pending.refusals >= MAX_REFUSALS) {
            stats.givenUp();
            LOG.error(
                    "device {}: {} refused event id '{}' ({}) {} times while connected: {}; giving up on it",
                    device,
                    destination.describe(),
                    pending.event.lastEventId(),
                    pending.event.type(),
                    pending.refusals,
                    error.toString());
            pending.remaining--;
            pump();
            return;
        }
        LOG.debug(
                "device {}: send to {} failed ({}), re-sending from the oldest unacknowledged event",
                device,
                destination.describe(),
                error.toString());
        goBack();
    }

    /** Puts every unacknowledged event back in front of the queue, to be sent again in order. */
    private void goBack() {
        Iterator<Pending> newestFirst = inFlight.descendingIterator();
        while (newestFirst.hasNext()) {
            Pending pending = newestFirst.next();
            pending.attempt++; // late acks of the old attempt are ignored
            waiting.addFirst(pending);
        }
        inFlight.clear();
        scheduleRetry();
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
                        if (!waiting.isEmpty() && inFlight.isEmpty()) {
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
        while (!inFlight.isEmpty() && inFlight.peek().remaining == 0) {
            Pending done = inFlight.poll();
            bufferedBytes -= done.bytes;
            if (!done.targets.isEmpty()) {
                stats.delivered(done.event.type(), System.nanoTime() - done.receivedNanos);
            }
            if (!done.event.lastEventId().isEmpty()) {
                lastId = done.event.lastEventId();
            }
        }
        if (lastId != null) {
            offsets.record(device, lastId);
            state = state.delivered(lastId);
        }
        if (paused
                && size() <= limits.maxEvents() / 2
                && bufferedBytes <= limits.maxBytes() / 2
                && (spill == null || spill.bytes() <= limits.spillBytes() / 2)) {
            paused = false;
            stream.resume();
            LOG.info("device {}: buffer drained to {} events; reading the SSE stream again", device, size());
        }
        if (overflowLogged && size() <= limits.maxEvents() / 2) {
            overflowLogged = false;
            LOG.warn(
                    "device {}: buffer drained; {} oldest events were dropped while it was full",
                    device,
                    droppedThisEpisode);
            droppedThisEpisode = 0;
        }
        if (size() == 0 && (spill == null || spill.isEmpty())) {
            notifyAll();
        }
    }

    /** Events received and not yet delivered. */
    /** Deletes the spill file: after a stop, the stored offset and the source's replay take over. */
    public synchronized void close() {
        if (spill != null) {
            spill.close();
        }
    }

    /** Events waiting in the spill file. */
    public synchronized long spilled() {
        return spill == null ? 0 : spill.records();
    }

    public synchronized int buffered() {
        return size();
    }

    /** Waits until every received event is delivered, or the timeout passes; true when drained. */
    public synchronized boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size() > 0 || (spill != null && !spill.isEmpty())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
