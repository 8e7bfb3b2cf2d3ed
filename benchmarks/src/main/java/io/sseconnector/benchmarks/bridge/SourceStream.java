package io.sseconnector.benchmarks.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One device's open response body. {@link #write} blocks until the bytes are in the socket: when
 * the bridge stops reading (its buffer is full), the writer waits, as a real device's would.
 * Thread-safe: writes are serialized.
 */
final class SourceStream {
    /** Writes of at most this size, so one large block does not pin a huge kernel buffer. */
    private static final int SLICE = 64 * 1024;

    private final String name;
    private final SocketChannel channel;
    private volatile boolean open = true;

    SourceStream(String name, SocketChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    String name() {
        return name;
    }

    boolean isOpen() {
        return open;
    }

    /** Writes all of {@code bytes}; throws when the bridge closed the connection. */
    synchronized void write(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                buffer.limit(Math.min(bytes.length, buffer.position() + SLICE));
                writeFully(channel, buffer);
                buffer.limit(bytes.length);
            }
        } catch (IOException e) {
            open = false;
            throw new UncheckedIOException("device " + name + ": the bridge closed the stream", e);
        }
    }

    /** Blocks until the peer closes the connection (a read returns end of stream) or it fails. */
    void awaitClose() {
        ByteBuffer drain = ByteBuffer.allocate(512);
        try {
            while (channel.read(drain) >= 0) {
                drain.clear();
            }
        } catch (IOException e) {
            // reset or closed by us: either way the stream is over
        } finally {
            close();
        }
    }

    void close() {
        open = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
