package io.sseconnector.benchmarks.harness;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Our transport floor: the Netty client pipeline sse-client stands on, set up as sse-client sets it
 * up (NIO, TCP_NODELAY, adaptive reads of 512 B to 64 KiB, {@link HttpClientCodec} passing body
 * parts of up to 64 KiB), counting blank lines in each {@link HttpContent}: no parser, no events.
 */
final class NettyFloorConsumer implements Consumer {
    private static final int MAX_CHUNK = 64 * 1024;

    private final boolean epoll;
    private final EventLoopGroup group;

    /** @param epoll the epoll transport instead of NIO (sse-client uses NIO) */
    NettyFloorConsumer(boolean epoll) {
        this.epoll = epoll;
        this.group =
                new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    @Override
    public Tally read(URI uri, long events) throws Exception {
        FloorHandler handler = new FloorHandler(events);
        Channel ch = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_CHUNK))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new HttpClientCodec(
                                                new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK), false, false),
                                        handler);
                    }
                })
                .connect(uri.getHost(), uri.getPort())
                .sync()
                .channel();
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, uri.getRawPath() + "?" + uri.getRawQuery());
        request.headers()
                .set(HttpHeaderNames.HOST, uri.getHost() + ":" + uri.getPort())
                .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        ch.writeAndFlush(request);
        try {
            handler.done.get(5, TimeUnit.MINUTES);
        } finally {
            ch.close().sync();
        }
        if (Boolean.getBoolean("harness.debug")) {
            System.err.printf(
                    "%s: %d body parts, %.0f B each%n",
                    epoll ? "floor-netty-epoll" : "floor-netty",
                    handler.parts,
                    (double) handler.counter.bytes() / Math.max(1, handler.parts));
        }
        return new Tally(handler.counter.count(), -1, handler.counter.bytes());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class FloorHandler extends SimpleChannelInboundHandler<HttpObject> {
        private final long limit;
        private final BlankLineCounter counter = new BlankLineCounter();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private long parts;

        FloorHandler(long limit) {
            this.limit = limit;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse response && response.status().code() != 200) {
                done.completeExceptionally(new IllegalStateException("status " + response.status()));
                ctx.close();
                return;
            }
            if (msg instanceof HttpContent content && counter.count() < limit) {
                parts++;
                counter.feed(content.content(), limit);
                if (counter.count() == limit) {
                    done.complete(null);
                    ctx.close();
                }
            }
            if (msg instanceof LastHttpContent) {
                done.complete(null);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            done.complete(null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
            ctx.close();
        }
    }
}
