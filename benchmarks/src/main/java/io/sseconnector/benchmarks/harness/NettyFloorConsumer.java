package io.sseconnector.benchmarks.harness;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Netty floor: a Netty client channel set up as sse-client sets it up (NIO, TCP_NODELAY, adaptive
 * reads of 512 B to 1 MiB) counting blank lines: no parser, no events. In {@link Pipeline#RAW} it counts them in the socket's
 * bytes as they are read, with only a request encoder in the pipeline: the transport sse-client
 * stands on since it decodes HTTP/1.1 itself (the response head and chunk-size lines hold no blank
 * line, so the count is exact). In {@link Pipeline#CODEC} it counts them in the body parts of
 * Netty's {@link HttpClientCodec}, the pipeline sse-client stood on before, kept so that earlier
 * runs compare.
 */
final class NettyFloorConsumer implements Consumer {
    /** sse-client's largest socket read. */
    private static final int MAX_READ = 1024 * 1024;
    /** The largest body part {@link Pipeline#CODEC} passes on. */
    private static final int MAX_CHUNK = 64 * 1024;

    /** What sits between the socket and the blank-line count. */
    enum Pipeline {
        RAW,
        CODEC
    }

    private final Pipeline pipeline;
    private final boolean epoll;
    private final EventLoopGroup group;

    /** @param epoll the epoll transport instead of NIO (sse-client uses NIO) */
    NettyFloorConsumer(Pipeline pipeline, boolean epoll) {
        this.pipeline = pipeline;
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
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_READ))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (pipeline == Pipeline.RAW) {
                            ch.pipeline().addLast(new HttpRequestEncoder(), handler);
                        } else {
                            ch.pipeline()
                                    .addLast(
                                            new HttpClientCodec(
                                                    new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK), false, false),
                                            handler);
                        }
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
                    pipeline == Pipeline.RAW ? (epoll ? "floor-netty-epoll" : "floor-netty") : "floor-netty-codec",
                    handler.parts,
                    (double) handler.counter.bytes() / Math.max(1, handler.parts));
        }
        // The raw count also reads the response head and any chunk framing: not the body's size.
        long bodyBytes = pipeline == Pipeline.RAW ? -1 : handler.counter.bytes();
        return new Tally(handler.counter.count(), -1, bodyBytes);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class FloorHandler extends SimpleChannelInboundHandler<Object> {
        private static final byte[] OK_STATUS = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);

        private final long limit;
        private final BlankLineCounter counter = new BlankLineCounter();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private long parts;
        private boolean statusChecked;

        FloorHandler(long limit) {
            this.limit = limit;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf raw) {
                if (!statusChecked && !checkStatus(ctx, raw)) {
                    return;
                }
                count(ctx, raw);
                return;
            }
            if (msg instanceof HttpResponse response && response.status().code() != 200) {
                done.completeExceptionally(new IllegalStateException("status " + response.status()));
                ctx.close();
                return;
            }
            if (msg instanceof HttpContent content) {
                count(ctx, content.content());
            }
            if (msg instanceof LastHttpContent) {
                done.complete(null);
            }
        }

        /** The raw pipeline sees the status line in its first read (the harness server sends it whole). */
        private boolean checkStatus(ChannelHandlerContext ctx, ByteBuf first) {
            statusChecked = true;
            for (int i = 0; i < OK_STATUS.length; i++) {
                if (first.readableBytes() <= i || first.getByte(first.readerIndex() + i) != OK_STATUS[i]) {
                    done.completeExceptionally(new IllegalStateException("not a 200 response"));
                    ctx.close();
                    return false;
                }
            }
            return true;
        }

        private void count(ChannelHandlerContext ctx, ByteBuf bytes) {
            if (counter.count() >= limit) {
                return;
            }
            parts++;
            counter.feed(bytes, limit);
            if (counter.count() == limit) {
                done.complete(null);
                ctx.close();
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
