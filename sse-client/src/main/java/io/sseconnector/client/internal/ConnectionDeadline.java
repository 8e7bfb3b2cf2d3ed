package io.sseconnector.client.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock of one connection: the connect timeout until the response head arrives (TCP, proxy,
 * TLS and the head together), then the read timeout, restarted by every byte. One task at a time
 * on the event loop; a read only records the time, so a busy stream costs no timer churn. It does
 * not fire while the stream is paused; {@link #resume()} starts it afresh.
 */
final class ConnectionDeadline implements Runnable {
    private final SseConnectionHandler handler;
    private final NettySseStream stream;
    private final EventLoop loop;
    private long lastReadNanos;
    private boolean reading;
    private ScheduledFuture<?> task;

    ConnectionDeadline(SseConnectionHandler handler, NettySseStream stream) {
        this.handler = handler;
        this.stream = stream;
        this.loop = stream.loop();
    }

    /** The connection attempt starts: the connect timeout runs. */
    void start() {
        touch();
        arm(limitNanos());
    }

    /** The head arrived and the stream opened: from now on the read timeout runs. */
    void opened() {
        reading = true;
        touch();
        arm(limitNanos());
    }

    /** Bytes arrived. */
    void touch() {
        lastReadNanos = System.nanoTime();
    }

    /** Reading again after a pause: a fresh start, not the time spent paused. */
    void resume() {
        touch();
        if (task == null) {
            arm(limitNanos());
        }
    }

    void cancel() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public void run() {
        task = null;
        if (handler.isFinished() || stream.isPaused()) {
            return;
        }
        long limit = limitNanos();
        long idle = System.nanoTime() - lastReadNanos;
        if (idle < limit) {
            task = loop.schedule(this, limit - idle, TimeUnit.NANOSECONDS);
        } else if (reading) {
            handler.streamFailed("no bytes for " + LogText.millis(TimeUnit.NANOSECONDS.toMillis(limit)));
        } else {
            handler.streamFailed("no response within the connect timeout of "
                    + LogText.millis(TimeUnit.NANOSECONDS.toMillis(limit)));
        }
    }

    private long limitNanos() {
        return (reading ? stream.config().readTimeout() : stream.config().connectTimeout()).toNanos();
    }

    private void arm(long delayNanos) {
        cancel();
        task = loop.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }
}
