package io.sseconnector.benchmarks.manystreams;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A loopback SSE server for many idle-ish streams: it answers any request with a {@code
 * text/event-stream} head (the body runs until the connection closes) and then sends every open
 * stream the same small event every {@link #TICK_MILLIS} ms. Its own process, so that its sockets
 * do not count against the client process's file limit.
 */
final class TickServer implements AutoCloseable {
    static final int TICK_MILLIS = 500;
    static final byte[] EVENT =
            "event: tick\ndata: {\"camera\":\"cam-1\",\"ok\":true}\n\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup streams = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;

    TickServer() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 8192)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new RespondOnce());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        ByteBuf tick = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(EVENT));
        group.scheduleAtFixedRate(
                () -> streams.writeAndFlush(tick.duplicate()), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    int openStreams() {
        return streams.size();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        streams.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers the first bytes of a request with the head, then joins the tick group; reads nothing more. */
    private final class RespondOnce extends ChannelInboundHandlerAdapter {
        private boolean answered;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            if (!answered) {
                answered = true;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(HEAD));
                streams.add(ctx.channel());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
