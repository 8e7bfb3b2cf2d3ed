package io.sseconnector.server.internal;

import io.netty.channel.EventLoop;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * A log's subscribers on one event loop. A published batch costs one task per event loop, not one
 * per subscriber: 10,000 subscribers on four loops are four tasks. The array is touched only on the
 * loop; publishers just hand it batches.
 */
final class LoopSubscribers {
    private final EventLoop loop;
    private Subscriber[] subscribers = new Subscriber[4];
    private int size;

    LoopSubscribers(EventLoop loop) {
        this.loop = loop;
    }

    EventLoop loop() {
        return loop;
    }

    /** On the loop. */
    void add(Subscriber subscriber) {
        if (size == subscribers.length) {
            subscribers = Arrays.copyOf(subscribers, size * 2);
        }
        subscriber.index = size;
        subscribers[size++] = subscriber;
    }

    /** On the loop; not while a batch is being delivered (removals are deferred to their own task). */
    void remove(Subscriber subscriber) {
        int i = subscriber.index;
        if (i < 0 || i >= size || subscribers[i] != subscriber) {
            return;
        }
        Subscriber last = subscribers[--size];
        subscribers[i] = last;
        last.index = i;
        subscribers[size] = null;
        subscriber.index = -1;
    }

    /** On the loop. */
    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Hands a batch to the loop; called by the publisher under the log's lock, so batches reach each
     * loop in id order. The batch's buffers are retained for the task and released after it.
     */
    void deliver(List<EncodedEvent> batch) {
        for (EncodedEvent event : batch) {
            event.bytes().retain();
        }
        try {
            loop.execute(() -> {
                try {
                    for (int i = 0; i < size; i++) {
                        subscribers[i].deliver(batch);
                    }
                } finally {
                    release(batch);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            release(batch);
        }
    }

    /** On the loop: ends every stream (the log closed). */
    void endAll() {
        for (int i = size - 1; i >= 0; i--) {
            subscribers[i].end();
        }
    }

    private static void release(List<EncodedEvent> batch) {
        for (EncodedEvent event : batch) {
            event.bytes().release();
        }
    }
}
