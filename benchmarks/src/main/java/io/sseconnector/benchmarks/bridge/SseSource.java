package io.sseconnector.benchmarks.bridge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The devices the bridge reads: a loopback HTTP server whose {@code GET /devices/{name}} answers
 * {@code 200 text/event-stream} and then writes only what the harness tells it to, when it tells it
 * to, on the harness's own thread. That is what lets the harness stamp each event with the {@link
 * System#nanoTime()} of its write, pace events exactly, or push a pre-encoded block at full speed
 * (the writes then block whenever the bridge pushes back). One virtual thread per connection reads
 * the request and then waits for the close; a second connection of the same device (the bridge
 * reconnected) replaces the first and is counted, because it would spoil a measurement.
 */
final class SseSource implements AutoCloseable {
    private static final String PATH = "/devices/";

    private final ServerSocketChannel server;
    private final Map<String, SourceStream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final Thread acceptor;

    SseSource() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 2048);
        acceptor = Thread.ofPlatform().name("sse-source-acceptor").daemon().start(this::acceptLoop);
    }

    /** The URL device {@code name} is read from. */
    URI endpoint(String name) {
        return URI.create("http://127.0.0.1:" + server.socket().getLocalPort() + PATH + name);
    }

    /** The open stream of {@code name}, or {@code null} before the bridge connected it. */
    SourceStream stream(String name) {
        return streams.get(name);
    }

    /** Connections accepted beyond the first of each device: the bridge reconnected. */
    int reconnects() {
        return connects.get() - streams.size();
    }

    int connected() {
        return (int) streams.values().stream().filter(SourceStream::isOpen).count();
    }

    /** Waits until each device has an open stream. */
    void awaitConnected(Collection<String> names, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : names) {
            while (streams.get(name) == null || !streams.get(name).isOpen()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the bridge connected " + connected() + " of " + names.size()
                            + " devices within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(20);
            }
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                Thread.ofVirtual().name("sse-source-conn").start(() -> serve(channel));
            } catch (IOException e) {
                if (server.isOpen()) {
                    System.err.println("sse source: accept failed: " + e);
                }
            }
        }
    }

    private void serve(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            String target = readRequestTarget(channel);
            if (!target.startsWith(PATH)) {
                SourceStream.writeFully(
                        channel,
                        ByteBuffer.wrap("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII)));
                channel.close();
                return;
            }
            String name = target.substring(PATH.length());
            SourceStream stream = new SourceStream(name, channel);
            // The head and a comment, so that the client reports the stream open before any event.
            stream.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                            + "Connection: close\r\n\r\n: ready\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
            connects.incrementAndGet();
            SourceStream previous = streams.put(name, stream);
            if (previous != null) {
                previous.close();
            }
            stream.awaitClose();
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
        }
    }

    private static String readRequestTarget(SocketChannel channel) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (true) {
            if (channel.read(in) < 0) {
                throw new IOException("request ended early");
            }
            String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            if (head.contains("\r\n\r\n")) {
                return head.substring(0, head.indexOf("\r\n")).split(" ")[1];
            }
            if (!in.hasRemaining()) {
                throw new IOException("request head too large");
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        streams.values().forEach(SourceStream::close);
    }
}
