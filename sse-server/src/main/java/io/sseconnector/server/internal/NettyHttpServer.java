package io.sseconnector.server.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.sseconnector.server.HttpServer;
import io.sseconnector.server.LimitCounts;
import io.sseconnector.server.Routes;
import io.sseconnector.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link HttpServer} on Netty's NIO transport: one accept thread, {@code ioThreads} I/O threads. */
public final class NettyHttpServer implements HttpServer {
    private static final System.Logger LOG = System.getLogger(NettyHttpServer.class.getName());
    private static final long CLOSE_TIMEOUT_MS = 3_000;

    private final ServerConfig config;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ChannelGroup connections;
    private final Channel listener;
    private final InetSocketAddress address;
    private final ServerLimits limits;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyHttpServer(
            ServerConfig config,
            EventLoopGroup acceptor,
            EventLoopGroup workers,
            ChannelGroup connections,
            Channel listener,
            ServerLimits limits) {
        this.config = config;
        this.acceptor = acceptor;
        this.workers = workers;
        this.connections = connections;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.localAddress();
        this.limits = limits;
    }

    public static NettyHttpServer start(ServerConfig config, Routes routes) {
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory(config.name() + "-accept", true), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                config.ioThreads(), new DefaultThreadFactory(config.name() + "-io", true), NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup(config.name(), GlobalEventExecutor.INSTANCE);
        int limit = config.maxPendingBytes();
        ServerLimits limits = new ServerLimits(config);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, config.backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // A subscriber with more than this unsent is "behind": see Subscriber.deliver.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(limit / 2, limit))
                .childHandler(new HttpChannelInitializer(connections, config, routes, limits));
        try {
            Channel listener =
                    bootstrap.bind(config.host(), config.port()).sync().channel();
            NettyHttpServer server = new NettyHttpServer(config, acceptor, workers, connections, listener, limits);
            LOG.log(Level.DEBUG, () -> config.name() + " listening on " + server.address);
            return server;
        } catch (Exception e) {
            stop(acceptor, workers);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new UncheckedIOException(
                    config.name() + " cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int connections() {
        return connections.size();
    }

    @Override
    public LimitCounts limitCounts() {
        return limits.counts();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        for (Channel channel : connections) {
            if (channel.hasAttr(RequestDispatcher.STREAMING)) {
                // Ends the chunked body, so clients see the end of the stream rather than an error.
                channel.eventLoop()
                        .execute(() -> channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                                .addListener(ChannelFutureListener.CLOSE));
            } else {
                channel.close();
            }
        }
        if (!connections.newCloseFuture().awaitUninterruptibly(CLOSE_TIMEOUT_MS)) {
            connections.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        }
        stop(acceptor, workers);
        LOG.log(Level.DEBUG, () -> config.name() + " on " + address + " stopped");
    }

    private static void stop(EventLoopGroup acceptor, EventLoopGroup workers) {
        var a = acceptor.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        var w = workers.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        a.awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        w.awaitUninterruptibly(CLOSE_TIMEOUT_MS);
    }

    @Override
    public String toString() {
        return config.name() + " on " + address;
    }
}
