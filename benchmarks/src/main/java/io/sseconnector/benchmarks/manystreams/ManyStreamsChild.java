package io.sseconnector.benchmarks.manystreams;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.StreamSignal;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One consumer in a JVM of its own: opens N streams to the {@link TickServer}, waits until every
 * stream has received {@link #EVENTS_EACH} events, then measures what the process holds (heap after
 * full GCs, resident memory, threads) against the same measures taken before the first stream
 * opened. Prints one {@code RESULT} line of {@code key=value} pairs for {@link
 * ManyStreamsHarness}.
 *
 * <ul>
 *   <li>{@code ours}: sse-client, {@code SseClient.create()} (one I/O thread per core), one {@code
 *       SseStream} per stream, events counted per stream by its listener;
 *   <li>{@code floor-netty}: the transport under it, a Netty channel per stream set up as
 *       sse-client sets it up (NIO, TCP_NODELAY, adaptive reads of 512 B to 1 MiB, one I/O thread per
 *       core) that sends the request and
 *       counts body bytes: no parser, no events;
 *   <li>{@code okhttp-sse}: the peer, okhttp-sse 5's {@code EventSource} per stream on one {@code
 *       OkHttpClient} whose dispatcher admits N concurrent calls (it reads each stream on a thread of
 *       its own).
 * </ul>
 */
public final class ManyStreamsChild {
    static final int EVENTS_EACH = 3;
    /** sse-client's largest socket read, for the floor. */
    private static final int MAX_READ = 1024 * 1024;

    private ManyStreamsChild() {}

    public static void main(String[] args) throws Exception {
        String consumer = args[0];
        URI uri = URI.create(args[1]);
        int streams = Integer.parseInt(args[2]);
        long timeoutMillis = Long.parseLong(args[3]) * 1000;

        Stats before = Stats.take();
        long start = System.nanoTime();
        Run run = switch (consumer) {
            case "ours" -> new OursRun(uri, streams);
            case "floor-netty" -> new FloorRun(uri, streams);
            case "okhttp-sse" -> new OkHttpSseRun(uri, streams);
            default -> throw new IllegalArgumentException("unknown consumer " + consumer);
        };
        long openedAt = 0;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (run.ready() < streams && System.currentTimeMillis() < deadline) {
            if (openedAt == 0 && run.opened() == streams) {
                openedAt = System.nanoTime();
            }
            Thread.sleep(50);
        }
        long readyAt = System.nanoTime();
        if (openedAt == 0 && run.opened() == streams) {
            openedAt = readyAt; // all opened and received their events between two looks
        }
        Stats after = Stats.take();
        int ready = run.ready();
        int opened = run.opened();
        long failures = run.failures();
        run.close();
        System.out.printf(
                "RESULT consumer=%s streams=%d opened=%d ready=%d failures=%d openSeconds=%.2f readySeconds=%.2f"
                        + " heapBytes=%d rssBytes=%d threads=%d%n",
                consumer,
                streams,
                opened,
                ready,
                failures,
                openedAt == 0 ? -1.0 : (openedAt - start) / 1e9,
                (readyAt - start) / 1e9,
                after.heap - before.heap,
                after.rss - before.rss,
                after.threads - before.threads);
    }

    /**
     * What the process holds; heap after two full collections. Netty's buffers live outside the
     * JDK's buffer pools: resident memory counts them.
     */
    private record Stats(long heap, long rss, int threads) {
        static Stats take() throws Exception {
            for (int i = 0; i < 2; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Stats(
                    heap, rssBytes(), ManagementFactory.getThreadMXBean().getThreadCount());
        }

        private static long rssBytes() throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        }
    }

    /** One consumer's streams, counted as they open, receive their events or fail. */
    private abstract static class Run implements AutoCloseable {
        final LongAdder opened = new LongAdder();
        /** Streams that have received {@link #EVENTS_EACH} events. */
        final LongAdder ready = new LongAdder();

        final LongAdder failures = new LongAdder();

        int opened() {
            return opened.intValue();
        }

        int ready() {
            return ready.intValue();
        }

        long failures() {
            return failures.sum();
        }

        @Override
        public abstract void close();
    }

    private static final class OursRun extends Run {
        private final SseClient client = SseClient.create();
        private final AtomicIntegerArray events;

        OursRun(URI uri, int streams) {
            events = new AtomicIntegerArray(streams);
            SseClientConfig config = SseClientConfig.of(uri);
            for (int i = 0; i < streams; i++) {
                int stream = i;
                client.open(config, signal -> {
                    switch (signal) {
                        case StreamSignal.Opened o -> opened.increment();
                        case StreamSignal.Event e -> {
                            if (events.incrementAndGet(stream) == EVENTS_EACH) {
                                ready.increment();
                            }
                        }
                        case StreamSignal.Retrying r -> failures.increment();
                        case StreamSignal.Failed f -> failures.increment();
                        default -> {}
                    }
                });
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static final class OkHttpSseRun extends Run {
        private final OkHttpClient client;

        OkHttpSseRun(URI uri, int streams) {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(streams);
            dispatcher.setMaxRequestsPerHost(streams);
            client = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .readTimeout(Duration.ofSeconds(60))
                    .build();
            EventSource.Factory factory = EventSources.createFactory(client);
            Request request = new Request.Builder().url(uri.toString()).build();
            for (int i = 0; i < streams; i++) {
                factory.newEventSource(request, new EventSourceListener() {
                    private int events;

                    @Override
                    public void onOpen(EventSource source, Response response) {
                        opened.increment();
                    }

                    @Override
                    public void onEvent(EventSource source, String id, String type, String data) {
                        if (++events == EVENTS_EACH) {
                            ready.increment();
                        }
                    }

                    @Override
                    public void onFailure(EventSource source, Throwable t, Response response) {
                        failures.increment();
                    }
                });
            }
        }

        @Override
        public void close() {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static final class FloorRun extends Run {
        private final EventLoopGroup group =
                new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());

        FloorRun(URI uri, int streams) {
            byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_READ))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new ByteCounter());
                        }
                    });
            for (int i = 0; i < streams; i++) {
                bootstrap.connect(uri.getHost(), uri.getPort()).addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        opened.increment();
                        f.channel().writeAndFlush(Unpooled.wrappedBuffer(request));
                    } else {
                        failures.increment();
                    }
                });
            }
        }

        /** Counts body bytes; the stream is ready once the head and {@link #EVENTS_EACH} events arrived. */
        private final class ByteCounter extends SimpleChannelInboundHandler<ByteBuf> {
            private long bytes;
            private boolean counted;

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                bytes += msg.readableBytes();
                if (!counted && bytes >= TickServer.HEAD.length + (long) EVENTS_EACH * TickServer.EVENT.length) {
                    counted = true;
                    ready.increment();
                }
            }
        }

        @Override
        public void close() {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
