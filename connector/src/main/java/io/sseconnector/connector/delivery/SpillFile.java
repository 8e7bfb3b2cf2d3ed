package io.sseconnector.connector.delivery;

import io.sseconnector.core.SseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A FIFO of events on disk, for one device, used when its memory buffer is full: appended at the
 * end, read from the start, emptied (truncated) once everything was read back. It holds what waits
 * during one broker outage, not across restarts: after a restart the stored offset and the source's
 * replay by {@code Last-Event-ID} take over, so the file is cleared when opened.
 *
 * <p>Record layout: {@code long receivedNanos, int typeLength, type, int idLength, id, int
 * dataLength, data}, strings in UTF-8.
 * Not thread-safe: used under its {@link DeviceDelivery}'s monitor.
 */
final class SpillFile implements AutoCloseable {
    private static final int WRITE_BUFFER = 64 * 1024;
    private static final int HEADER = Long.BYTES + 3 * Integer.BYTES;

    private final Path path;
    private final long maxBytes;
    private final FileChannel channel;
    /**
     * Appended records not yet written. Empty (capacity 0) until the first append and again once the
     * file is drained: every device has a spill file, and 64 KiB each would be most of an idle
     * device's heap (64 MiB for 1,000 devices), for a buffer used only during an outage.
     */
    private ByteBuffer pending = ByteBuffer.allocate(0);
    /** File bytes written so far (excluding {@link #pending}). */
    private long written;
    /** File position of the next record to read. */
    private long readAt;

    private long records;

    SpillFile(Path path, long maxBytes) {
        this.path = path;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(path.getParent());
            this.channel = FileChannel.open(
                    path,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open spill file " + path + ": " + e.getMessage(), e);
        }
    }

    static int recordSize(SseEvent event, byte[] payload) {
        return HEADER + utf8Length(event.type()) + utf8Length(event.lastEventId()) + payload.length;
    }

    /** Whether a record of this size still fits under the limit. */
    boolean fits(int recordSize) {
        return bytes() + recordSize <= maxBytes;
    }

    boolean isEmpty() {
        return records == 0;
    }

    Path path() {
        return path;
    }

    /** Records waiting to be read back. */
    long records() {
        return records;
    }

    /** Bytes waiting to be read back. */
    long bytes() {
        return written + pending.position() - readAt;
    }

    void append(SseEvent event, byte[] payload, long receivedNanos) {
        byte[] type = event.type().getBytes(StandardCharsets.UTF_8);
        byte[] id = event.lastEventId().getBytes(StandardCharsets.UTF_8);
        int size = HEADER + type.length + id.length + payload.length;
        if (pending.capacity() == 0) {
            pending = ByteBuffer.allocate(WRITE_BUFFER);
        }
        if (size > pending.remaining()) {
            flush();
        }
        ByteBuffer target = size <= pending.capacity() ? pending : ByteBuffer.allocate(size);
        target.putLong(receivedNanos)
                .putInt(type.length)
                .put(type)
                .putInt(id.length)
                .put(id)
                .putInt(payload.length)
                .put(payload);
        if (target != pending) {
            target.flip();
            write(target);
        }
        records++;
    }

    /** The oldest spilled event and its payload, or {@code null} when empty. */
    Spilled poll() {
        if (records == 0) {
            return null;
        }
        if (readAt >= written) {
            flush();
        }
        try {
            ByteBuffer time = ByteBuffer.allocate(Long.BYTES);
            readFully(time);
            long receivedNanos = time.flip().getLong();
            String type = readString();
            String id = readString();
            byte[] data = readBytes();
            records--;
            if (records == 0) {
                truncate();
            }
            String text = new String(data, StandardCharsets.UTF_8);
            return new Spilled(new SseEvent(type, text, id, SseEvent.NO_RETRY), data, receivedNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill file " + path + ": " + e.getMessage(), e);
        }
    }

    /** One event read back, with its payload bytes. */
    record Spilled(SseEvent event, byte[] payload, long receivedNanos) {}

    private String readString() throws IOException {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    private byte[] readBytes() throws IOException {
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        readFully(length);
        byte[] bytes = new byte[length.flip().getInt()];
        readFully(ByteBuffer.wrap(bytes));
        return bytes;
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (readAt >= written) {
                flush();
            }
            int n = channel.read(buffer, readAt);
            if (n < 0) {
                throw new IOException("spill file ends early at byte " + readAt);
            }
            readAt += n;
        }
    }

    private void flush() {
        pending.flip();
        write(pending);
        pending.clear();
    }

    private void write(ByteBuffer buffer) {
        try {
            while (buffer.hasRemaining()) {
                written += channel.write(buffer, written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spill file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Forgets every record (the file is truncated). */
    void clear() {
        try {
            truncate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate spill file " + path + ": " + e.getMessage(), e);
        }
    }

    private void truncate() throws IOException {
        channel.truncate(0);
        pending = ByteBuffer.allocate(0);
        written = 0;
        readAt = 0;
        records = 0;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the state directory is ours; a leftover file is cleared at the next start
        }
    }
}
