package io.sseconnector.server.internal;

import io.netty.channel.Channel;
import io.sseconnector.server.LimitCounts;
import io.sseconnector.server.ServerConfig;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link ServerConfig.Limits} of one server: its connection slots, and a {@link LimitLog} per limit. */
final class ServerLimits {
    private final String server;
    private final ServerConfig.Limits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final LimitLog refused = new LimitLog(System::nanoTime);
    private final LimitLog headTimeouts = new LimitLog(System::nanoTime);
    private final LimitLog headsTooLarge = new LimitLog(System::nanoTime);

    ServerLimits(ServerConfig config) {
        this.server = config.name();
        this.limits = config.limits();
    }

    ServerConfig.Limits limits() {
        return limits;
    }

    /** Takes a connection slot, or counts and reports a refusal when all are taken. */
    boolean tryOpen(Channel channel) {
        while (true) {
            int now = open.get();
            if (now >= limits.maxConnections()) {
                refused.hit(() -> server + ": refused a connection from " + channel.remoteAddress() + " with 503: "
                        + now + " connections open, maxConnections " + limits.maxConnections());
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                channel.closeFuture().addListener(closed -> open.decrementAndGet());
                return true;
            }
        }
    }

    void headTimeout(Channel channel) {
        headTimeouts.hit(() -> server + ": closed the connection from " + channel.remoteAddress()
                + ": no complete request head within "
                + limits.requestHeadTimeout().toMillis()
                + " ms of opening (requestHeadTimeout)");
    }

    void headTooLarge(Channel channel, int status, String what) {
        headsTooLarge.hit(() -> server + ": answered " + status + " to " + channel.remoteAddress() + ": " + what);
    }

    LimitCounts counts() {
        return new LimitCounts(refused.count(), headTimeouts.count(), headsTooLarge.count());
    }
}
