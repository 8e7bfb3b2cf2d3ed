package io.sseconnector.server.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client is slow to send a request head: the timer runs from the moment
 * the connection opens, and again from each full response until the next head (a kept-alive
 * connection that goes quiet). It stops while a request is being answered and for good once the
 * connection streams SSE. Sits after the HTTP decoder, so a head counts when it is complete.
 *
 * <p>The first head missing is the slow-client attack (a connection held open with a trickle of
 * header bytes) and is counted and reported; a kept-alive connection closed for idling is routine
 * and logged at DEBUG only.
 */
final class RequestHeadTimeout extends ChannelDuplexHandler {
    static final String NAME = "request-head-timeout";

    private final ServerLimits limits;
    private final long timeoutNanos;
    private ScheduledFuture<?> timer;
    private long heads;
    private long responses;

    RequestHeadTimeout(ServerLimits limits) {
        this.limits = limits;
        this.timeoutNanos = limits.limits().requestHeadTimeout().toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            heads++;
            cancel();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse) {
            responses++;
            if (responses >= heads && !ctx.channel().hasAttr(RequestDispatcher.STREAMING)) {
                arm(ctx); // waiting for the next head of a kept-alive connection
            }
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timeoutNanos == 0) {
            return;
        }
        cancel();
        timer = ctx.executor().schedule(() -> expired(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void expired(ChannelHandlerContext ctx) {
        timer = null;
        if (heads == 0) {
            limits.headTimeout(ctx.channel());
        } else {
            LimitLog.LOG.log(
                    Level.DEBUG,
                    () -> "closing the idle kept-alive connection from "
                            + ctx.channel().remoteAddress() + " after " + heads + " requests");
        }
        ctx.close();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
