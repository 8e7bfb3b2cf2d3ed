package io.sseconnector.client.internal;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import java.util.concurrent.locks.LockSupport;

/**
 * An event loop's I/O that, while its streams are busy, polls the sockets at most once per {@code
 * interval}: after a poll that found data, the loop waits until {@code interval} has passed before
 * it polls again, and then reads everything that arrived meanwhile in one go. Events that arrive one
 * at a time (a device writing 3,000 small events a second) would otherwise wake the thread once
 * each, and on a virtual machine the wake-up costs more CPU than reading and parsing the event.
 * An idle loop blocks in the selector as usual, so the first event after a quiet spell is read at
 * once; tasks from other threads (a pause, a close) and timers end the wait early.
 *
 * <p>The cost: while data keeps coming, an event waits up to {@code interval} in the socket buffer.
 */
final class CoalescingIoHandler implements IoHandler {
    private final IoHandler delegate;
    private final long intervalNanos;
    private volatile Thread parked;
    private volatile boolean wakeupRequested;
    /** When the last poll (and the handling of what it found) ended. */
    private long lastPollNanos;
    /** Whether the last poll found data. */
    private boolean busy;

    private CoalescingIoHandler(IoHandler delegate, long intervalNanos) {
        this.delegate = delegate;
        this.intervalNanos = intervalNanos;
    }

    /** {@code factory}'s handlers, coalescing; {@code factory} itself when the interval is 0. */
    static IoHandlerFactory factory(IoHandlerFactory factory, long intervalNanos) {
        if (intervalNanos <= 0) {
            return factory;
        }
        return executor -> new CoalescingIoHandler(factory.newHandler(executor), intervalNanos);
    }

    @Override
    public int run(IoHandlerContext context) {
        if (busy && context.canBlock()) {
            long now = System.nanoTime();
            long wait = Math.min(lastPollNanos + intervalNanos - now, context.delayNanos(now));
            if (wait > 0 && !wakeupRequested) {
                parked = Thread.currentThread();
                if (!wakeupRequested) {
                    LockSupport.parkNanos(this, wait);
                }
                parked = null;
            }
        }
        wakeupRequested = false;
        int handled = delegate.run(context);
        busy = handled > 0;
        lastPollNanos = System.nanoTime();
        return handled;
    }

    @Override
    public void wakeup() {
        wakeupRequested = true;
        delegate.wakeup();
        Thread thread = parked;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void initialize() {
        delegate.initialize();
    }

    @Override
    public void prepareToDestroy() {
        delegate.prepareToDestroy();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return delegate.register(handle);
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return delegate.isCompatible(handleType);
    }
}
