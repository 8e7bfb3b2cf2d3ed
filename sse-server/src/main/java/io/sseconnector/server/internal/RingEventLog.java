package io.sseconnector.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.LastHttpContent;
import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseWriter;
import io.sseconnector.server.DeliveryPolicy;
import io.sseconnector.server.EventLog;
import io.sseconnector.server.EventLogStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link EventLog}: a ring of encoded events and the subscribers, grouped by event loop.
 *
 * <p>No gap, no duplicate: publishing (numbering, encoding, handing the batch to each loop,
 * appending to the ring) and subscribing (reading the replay, joining the loop's group) take the
 * same lock. A subscriber joins on its own loop and writes its replay before any batch task queued
 * after it can run; a batch task queued before it carries only ids the replay already covered, which
 * the subscriber skips by id.
 */
public final class RingEventLog implements EventLog {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final EventRing ring;
    private final Map<EventLoop, LoopSubscribers> loops = new HashMap<>();
    private boolean closed;

    private final AtomicInteger subscribers = new AtomicInteger();
    private final LongAdder published = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder slowDisconnects = new LongAdder();

    public RingEventLog(String name, int historySize) {
        this.name = Objects.requireNonNull(name, "name");
        this.ring = new EventRing(historySize);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long publish(List<SseEvent> events) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("event log '" + name + "' is closed");
            }
            if (events.isEmpty()) {
                return ring.newestId();
            }
            List<EncodedEvent> batch = encode(events, ring.newestId() + 1);
            // Hand the batch to the loops before the ring may evict (release) any of it.
            for (LoopSubscribers group : loops.values()) {
                group.deliver(batch);
            }
            for (EncodedEvent event : batch) {
                ring.append(event);
            }
            published.add(batch.size());
            return ring.newestId();
        } finally {
            lock.unlock();
        }
    }

    private static List<EncodedEvent> encode(List<SseEvent> events, long firstId) {
        List<EncodedEvent> batch = new ArrayList<>(events.size());
        long id = firstId;
        for (SseEvent event : events) {
            String idText = Long.toString(id);
            byte[] bytes = SseWriter.encode(new SseEvent(event.type(), event.data(), idText, event.retry()));
            ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
            batch.add(new EncodedEvent(id, event.type(), buffer));
            id++;
        }
        return batch;
    }

    @Override
    public long lastId() {
        lock.lock();
        try {
            return ring.newestId();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public EventLogStats stats() {
        return new EventLogStats(subscribers.get(), published.sum(), replayed.sum(), slowDisconnects.sum());
    }

    /**
     * Attaches an SSE connection whose response headers are written: replays what it missed, then
     * sends live events. Must run on the channel's event loop.
     */
    public void subscribe(Channel channel, String lastEventId, DeliveryPolicy policy, long keepAliveNanos) {
        EventLoop loop = channel.eventLoop();
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("subscribe runs on the channel's event loop");
        }
        List<EncodedEvent> replay;
        Subscriber subscriber;
        lock.lock();
        try {
            if (closed) {
                channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            replay = ring.after(ring.resumeAfter(lastEventId));
            replay.forEach(event -> event.bytes().retain());
            subscriber = new Subscriber(this, channel, policy, keepAliveNanos, ring.newestId());
            loops.computeIfAbsent(loop, LoopSubscribers::new).add(subscriber);
            subscribers.incrementAndGet();
        } finally {
            lock.unlock();
        }
        try {
            replayed.add(subscriber.start(replay));
        } finally {
            replay.forEach(event -> event.bytes().release());
        }
        channel.closeFuture().addListener(closed -> {
            subscriber.closed();
            detach(subscriber);
        });
    }

    /** The subscriber leaves (closed or stalled). Idempotent. */
    void detach(Subscriber subscriber) {
        lock.lock();
        try {
            if (subscriber.detached) {
                return;
            }
            subscriber.detached = true;
            subscribers.decrementAndGet();
        } finally {
            lock.unlock();
        }
        EventLoop loop = subscriber.channel().eventLoop();
        // Deferred: the subscriber may be leaving from inside a batch that iterates its group.
        execute(loop, () -> {
            lock.lock();
            try {
                LoopSubscribers group = loops.get(loop);
                if (group != null) {
                    group.remove(subscriber);
                    if (group.isEmpty()) {
                        loops.remove(loop);
                    }
                }
            } finally {
                lock.unlock();
            }
        });
    }

    private static void execute(EventLoop loop, Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException stopped) {
            // The server stopped: its connections are gone, and nothing is left to tidy up.
        }
    }

    void countSlowDisconnect() {
        slowDisconnects.increment();
    }

    /** Ends every subscriber's stream and drops the history. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (LoopSubscribers group : loops.values()) {
                execute(group.loop(), group::endAll);
            }
            ring.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "EventLog[" + name + ", last id " + lastId() + ", " + stats() + "]";
    }
}
