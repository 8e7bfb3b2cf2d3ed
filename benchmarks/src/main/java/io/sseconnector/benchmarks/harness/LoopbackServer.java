package io.sseconnector.benchmarks.harness;

import io.sseconnector.benchmarks.streams.EncodedStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * A server that is never the bottleneck: each stream's block is encoded once into direct memory and
 * written {@code repeat} times in writes of up to 64 KiB, straight from that memory, by a blocking
 * channel (one thread per connection). {@code GET /{stream}?repeat=R} answers HTTP/1.1 200 {@code
 * text/event-stream} with {@code Connection: close}; the body ends with the connection, or with the
 * last chunk for a chunked stream.
 */
public final class LoopbackServer implements AutoCloseable {
    private static final int WRITE_SIZE = 64 * 1024;

    private final ServerSocketChannel server;
    private final Map<HarnessStream, ByteBuffer> bodies = new EnumMap<>(HarnessStream.class);
    private final Thread acceptor;

    public LoopbackServer(Map<HarnessStream, EncodedStream> blocks) throws IOException {
        blocks.forEach((stream, block) -> {
            byte[] bytes = stream.chunked() ? block.chunkedPerEvent() : block.bytes();
            bodies.put(
                    stream, ByteBuffer.allocateDirect(bytes.length).put(bytes).flip());
        });
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 64);
        acceptor = new Thread(this::acceptLoop, "loopback-server-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri(HarnessStream stream, int repeat) {
        return URI.create(
                "http://127.0.0.1:" + server.socket().getLocalPort() + "/" + stream.label() + "?repeat=" + repeat);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                Thread t = new Thread(() -> serve(ch), "loopback-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (server.isOpen()) {
                    System.err.println("loopback server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            String target = readRequestTarget(ch);
            int q = target.indexOf("?repeat=");
            HarnessStream stream = HarnessStream.of(target.substring(1, q));
            int repeat = Integer.parseInt(target.substring(q + "?repeat=".length()));
            String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + (stream.chunked() ? "Transfer-Encoding: chunked\r\n" : "")
                    + "Connection: close\r\n\r\n";
            writeFully(ch, ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer body = bodies.get(stream);
            for (int i = 0; i < repeat; i++) {
                ByteBuffer b = body.duplicate();
                while (b.hasRemaining()) {
                    b.limit(Math.min(b.capacity(), b.position() + WRITE_SIZE));
                    writeFully(ch, b);
                    b.limit(b.capacity());
                }
            }
            if (stream.chunked()) {
                writeFully(ch, ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            ch.shutdownOutput();
            // Let the client close first (it has read what it needs), so nothing is reset under it.
            ByteBuffer drain = ByteBuffer.allocate(512);
            while (ch.read(drain) >= 0) {
                drain.clear();
            }
        } catch (IOException | RuntimeException e) {
            // The client stopped reading: a consumer closes once it has its N events.
        }
    }

    private static String readRequestTarget(SocketChannel ch) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (true) {
            if (ch.read(in) < 0) {
                throw new IOException("request ended early");
            }
            String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            if (head.contains("\r\n\r\n")) {
                String line = head.substring(0, head.indexOf("\r\n"));
                return line.split(" ")[1];
            }
            if (!in.hasRemaining()) {
                throw new IOException("request head too large");
            }
        }
    }

    private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
