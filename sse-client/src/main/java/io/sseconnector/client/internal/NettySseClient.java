package io.sseconnector.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseListener;
import io.sseconnector.client.SseStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The Netty {@link SseClient}: one event loop group shared by every stream (a stream and all its
 * connections stay on one loop), one SslContext per TLS setting, NIO transport. Plain http speaks
 * HTTP/1.1; https offers HTTP/2 and HTTP/1.1 by ALPN and speaks what the server picks. Every
 * connection carries one stream.
 */
public final class NettySseClient implements SseClient {
    private static final System.Logger LOG = System.getLogger("io.sseconnector.client.SseClient");

    /**
     * The socket reads up to this much at a time (the adaptive allocator starts at 16 KiB and grows
     * only while reads fill the buffer): as much per wake-up as Netty's default of 16 reads of 64 KiB,
     * but in one read, so a busy stream costs a sixteenth of the reads, window updates and selector
     * wake-ups. The parser still gets {@link LoopScratch#SIZE} bytes at a time, and a pause takes
     * effect between those slices, not at the end of the read.
     */
    private static final int MAX_READ = 1024 * 1024;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final TlsContexts tlsContexts = new TlsContexts();
    private final HeaderValues headerValues;
    private final Set<NettySseStream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param ioThreads event loop threads; 0 for one per core */
    public NettySseClient(int ioThreads) {
        this(ioThreads, 0, HeaderValues.system());
    }

    /**
     * @param ioThreads event loop threads; 0 for one per core
     * @param pollIntervalNanos while a loop's streams are busy, it polls their sockets at most this
     *     often (see {@link CoalescingIoHandler}); 0 reads each arrival at once
     */
    public NettySseClient(int ioThreads, long pollIntervalNanos) {
        this(ioThreads, pollIntervalNanos, HeaderValues.system());
    }

    NettySseClient(int ioThreads, HeaderValues headerValues) {
        this(ioThreads, 0, headerValues);
    }

    NettySseClient(int ioThreads, long pollIntervalNanos, HeaderValues headerValues) {
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0, was " + ioThreads);
        }
        int threads = ioThreads == 0 ? Runtime.getRuntime().availableProcessors() : ioThreads;
        this.group = new MultiThreadIoEventLoopGroup(
                threads,
                new DefaultThreadFactory("sse-client", true),
                CoalescingIoHandler.factory(NioIoHandler.newFactory(), pollIntervalNanos));
        this.headerValues = headerValues;
        this.bootstrap = new Bootstrap()
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.RECVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_READ));
    }

    @Override
    public SseStream open(SseClientConfig config, SseListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("this SseClient is closed");
        }
        NettySseStream stream = new NettySseStream(this, group.next(), config, listener);
        streams.add(stream);
        if (closed) { // raced with close(): it may have missed this stream
            streams.remove(stream);
            throw new IllegalStateException("this SseClient is closed");
        }
        stream.start();
        return stream;
    }

    /** Streams not yet ended. */
    public int openStreams() {
        return streams.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int count = streams.size();
        boolean inOwnLoop = inOwnLoop();
        List<Future<?>> closing = new ArrayList<>(count);
        for (NettySseStream stream : streams) {
            closing.add(stream.closeWithClient());
        }
        if (!inOwnLoop) {
            // Let every listener get its Closed before the loops close the channels under it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (Future<?> f : closing) {
                f.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
        // Quiet period 0: whatever is still queued runs, then the threads stop.
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        if (!inOwnLoop) {
            group.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "SSE client closed with " + count + " open streams");
    }

    private boolean inOwnLoop() {
        for (var executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    // ---- for streams ---------------------------------------------------------------------------------

    boolean isClosed() {
        return closed;
    }

    HeaderValues headerValues() {
        return headerValues;
    }

    void removed(NettySseStream stream) {
        streams.remove(stream);
    }

    /** Opens a channel for {@code handler}'s URI on the stream's loop; throws SseClientException for TLS setup. */
    void connect(NettySseStream stream, SseConnectionHandler handler) {
        SseClientConfig config = stream.config();
        URI uri = handler.uri();
        String host = SseRequests.connectHost(uri);
        int port = SseRequests.port(uri);
        SslContext ssl = SseRequests.isHttps(uri) ? tlsContexts.get(config.tls()) : null;
        SseClientConfig.Proxy proxy = config.proxy();
        int connectMillis =
                (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        EventLoop loop = stream.loop();

        Bootstrap b = bootstrap.clone(loop).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis);
        b.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.config().setAutoRead(!stream.isPaused());
                ChannelPipeline p = ch.pipeline();
                if (proxy != null) {
                    InetSocketAddress address = new InetSocketAddress(proxy.host(), proxy.port());
                    HttpProxyHandler handler = proxy.username() == null
                            ? new HttpProxyHandler(address)
                            : new HttpProxyHandler(
                                    address, proxy.username(), proxy.password() == null ? "" : proxy.password());
                    handler.setConnectTimeoutMillis(connectMillis);
                    p.addLast("proxy", handler);
                }
                if (ssl != null) {
                    p.addLast(
                            "tls", sslHandler(ch, ssl, host, port, config.tls().verifyHostname(), connectMillis));
                    p.addLast(AlpnHandler.NAME, new AlpnHandler(handler));
                    handler.awaitProtocol();
                } else {
                    // Only the request goes through a codec: the handler decodes the response.
                    p.addLast("http", new HttpRequestEncoder());
                }
                p.addLast(SseConnectionHandler.NAME, handler);
            }
        });
        if (proxy != null) {
            // The proxy resolves the name; we must not (it may not resolve here at all).
            b.resolver(NoopAddressResolverGroup.INSTANCE);
        }
        ChannelFuture future = b.connect(InetSocketAddress.createUnresolved(host, port));
        handler.watch(future);
    }

    private static SslHandler sslHandler(
            Channel ch, SslContext ssl, String host, int port, boolean verifyHostname, int handshakeMillis) {
        // newHandler with the peer's name sends SNI and lets the engine check the name.
        SslHandler handler = ssl.newHandler(ch.alloc(), host, port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
        engine.setSSLParameters(parameters);
        handler.setHandshakeTimeoutMillis(handshakeMillis);
        return handler;
    }
}
