package io.sseconnector.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.sseconnector.core.SseWriter;
import io.sseconnector.server.DeliveryPolicy;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One SSE connection attached to a log. Every method runs on the connection's event loop. Writes
 * the events its {@link DeliveryPolicy} lets through, once each and in id order, with one flush per
 * batch; gives up on the connection when it is too far behind.
 */
final class Subscriber {
    private static final System.Logger LOG = System.getLogger(Subscriber.class.getName());
    private static final byte[] KEEP_ALIVE = SseWriter.comment("");

    private enum State {
        ACTIVE,
        STALLED,
        CLOSED
    }

    private final RingEventLog log;
    private final Channel channel;
    private final DeliveryPolicy policy;
    private final long keepAliveNanos;
    private State state = State.ACTIVE;
    /** Every event up to this id was written or decided on: later batches skip them. */
    private long handledId;

    private long lastWriteNanos = System.nanoTime();
    private ScheduledFuture<?> keepAlive;
    /** Position in its {@link LoopSubscribers}, for O(1) removal. */
    int index = -1;
    /** Set once when the subscriber leaves its log (stall or close); guarded by the log's lock. */
    boolean detached;

    Subscriber(RingEventLog log, Channel channel, DeliveryPolicy policy, long keepAliveNanos, long handledId) {
        this.log = log;
        this.channel = channel;
        this.policy = policy;
        this.keepAliveNanos = keepAliveNanos;
        this.handledId = handledId;
    }

    Channel channel() {
        return channel;
    }

    /** Writes the replay (events at or below {@code handledId}), then starts keep-alive. */
    int start(List<EncodedEvent> replay) {
        int sent = write(replay, Long.MIN_VALUE);
        if (keepAliveNanos > 0 && state == State.ACTIVE) {
            keepAlive = channel.eventLoop().schedule(this::keepAlive, keepAliveNanos, TimeUnit.NANOSECONDS);
        }
        return sent;
    }

    /** A live batch: writes what this subscriber has not handled yet, or drops a subscriber too far behind. */
    void deliver(List<EncodedEvent> batch) {
        if (state != State.ACTIVE) {
            return;
        }
        if (!channel.isWritable()) {
            disconnectSlow(batch.get(0).id());
            return;
        }
        write(batch, handledId);
    }

    /** Ends the stream cleanly (the last chunk) and closes the connection. */
    void end() {
        if (state == State.CLOSED) {
            return;
        }
        boolean stalled = state == State.STALLED;
        closed();
        if (stalled) {
            channel.close();
        } else {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The connection went away (either side): stop writing and timers. */
    void closed() {
        state = State.CLOSED;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
    }

    /** @return how many events were written */
    private int write(List<EncodedEvent> events, long skipUpToId) {
        CompositeByteBuf pending = null;
        ByteBuf single = null;
        int sent = 0;
        for (EncodedEvent event : events) {
            if (event.id() <= skipUpToId) {
                continue;
            }
            handledId = event.id();
            DeliveryPolicy.Action action = policy.decide(event.id(), event.type());
            switch (action) {
                case SEND -> {
                    ByteBuf bytes = event.bytes().retainedDuplicate();
                    if (single == null) {
                        single = bytes;
                    } else {
                        if (pending == null) {
                            pending = channel.alloc().compositeDirectBuffer(events.size());
                            pending.addComponent(true, single);
                        }
                        pending.addComponent(true, bytes);
                    }
                    sent++;
                }
                case SKIP -> {}
                case CLOSE, CUT, STALL -> {
                    flush(pending != null ? pending : single);
                    stop(action, event);
                    return sent;
                }
            }
        }
        flush(pending != null ? pending : single);
        return sent;
    }

    private void flush(ByteBuf bytes) {
        if (bytes != null) {
            channel.writeAndFlush(new DefaultHttpContent(bytes), channel.voidPromise());
            lastWriteNanos = System.nanoTime();
        }
    }

    private void stop(DeliveryPolicy.Action action, EncodedEvent event) {
        switch (action) {
            case CLOSE -> end();
            case CUT -> {
                closed();
                ByteBuf half = event.bytes().retainedSlice(0, event.bytes().readableBytes() / 2);
                channel.writeAndFlush(new DefaultHttpContent(half)).addListener(ChannelFutureListener.CLOSE);
            }
            case STALL -> {
                state = State.STALLED;
                if (keepAlive != null) {
                    keepAlive.cancel(false);
                }
                log.detach(this);
            }
            default -> throw new IllegalArgumentException(action.name());
        }
    }

    private void disconnectSlow(long atId) {
        long pending = channel.bytesBeforeWritable() + channel.config().getWriteBufferLowWaterMark();
        long limit = channel.config().getWriteBufferHighWaterMark();
        if (LOG.isLoggable(Level.WARNING)) {
            LOG.log(
                    Level.WARNING,
                    "event log '" + log.name() + "': subscriber " + channel.remoteAddress() + " is " + pending
                            + " bytes behind (limit " + limit + ") at id " + atId + ", disconnecting it; it can resume"
                            + " by Last-Event-ID");
        }
        log.countSlowDisconnect();
        closed();
        channel.close();
    }

    /** A keep-alive tick: a comment when nothing was written for the interval, then the next tick. */
    private void keepAlive() {
        if (state != State.ACTIVE) {
            return;
        }
        long idle = System.nanoTime() - lastWriteNanos;
        long next = keepAliveNanos - idle;
        if (next <= 0) {
            if (channel.isWritable()) {
                channel.writeAndFlush(
                        new DefaultHttpContent(Unpooled.wrappedBuffer(KEEP_ALIVE)), channel.voidPromise());
            }
            lastWriteNanos = System.nanoTime();
            next = keepAliveNanos;
        }
        keepAlive = channel.eventLoop().schedule(this::keepAlive, next, TimeUnit.NANOSECONDS);
    }
}
