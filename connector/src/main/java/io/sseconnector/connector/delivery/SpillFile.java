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
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FIFO of events on disk, for one device, used when its memory buffer is full: appended at the
 * end, read from the start. Opened with {@link #open}, it survives restarts and {@code kill -9}: the
 * records written and not yet delivered come back, oldest first.
 *
 * <p><b>Delivered, not read, is what removes a record.</b> {@link #poll()} hands out a record with
 * the file position where it ends; the delivery calls {@link #acknowledge(long)} with that position
 * once the record, and every one before it, reached all its destinations. The acknowledged position
 * lives in the file's header, rewritten in place (12 bytes, no fsync) each time another {@value
 * #ACKNOWLEDGE_WRITE_EVERY} bytes of records were acknowledged and at {@link #close()}: after a crash
 * at most that many bytes of delivered records come back (duplicates, which at-least-once allows),
 * and a record read but not acknowledged always does. When everything written is acknowledged the
 * file is truncated to nothing; {@link #close()} keeps the file unless it is empty.
 *
 * <p>Appends go through a 64 KiB buffer; what is still in it when the process dies is not in the
 * file (the stored offset and the device's replay by {@code Last-Event-ID} cover it, as they cover
 * the memory buffer). Every record carries its length and a CRC32 ({@link SpillFormat}), so a record
 * torn by a crash is found when the file is opened and cut off, with one WARN that gives the number
 * of events recovered. A file whose header is not a spill file's (another format version, damage) is
 * renamed aside to {@code NAME.corrupt-MILLIS} with a WARN and an empty spill file starts: the
 * bridge does not stop for it, and nothing is deleted.
 *
 * <p>Receive times are kept as wall-clock nanoseconds and handed back on this process's {@link
 * System#nanoTime()} scale, so the latency of a recovered event counts the time it spent on disk.
 * Not thread-safe: used under its {@link DeviceDelivery}'s monitor.
 */
final class SpillFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpillFile.class);
    private static final int WRITE_BUFFER = 64 * 1024;
    /** Acknowledged bytes after which the header's acknowledged position is rewritten. */
    static final long ACKNOWLEDGE_WRITE_EVERY = 64 * 1024;

    private static final int HEADER = SpillFormat.HEADER;
    private static final int FRAME = SpillFormat.FRAME;

    private final Path path;
    private final long maxBytes;

    private final FileChannel channel;
    private final long epochOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    private final CRC32 crc = new CRC32();
    private final ByteBuffer frame = ByteBuffer.allocate(FRAME);
    /** [start, end) of records dropped while a record read before them was not acknowledged yet. */
    private final ArrayDeque<long[]> dropped = new ArrayDeque<>();
    /**
     * Appended records not yet written. Empty (capacity 0) until the first append and again once the
     * file is drained: every device has a spill file, and 64 KiB each would be most of an idle
     * device's heap (64 MiB for 1,000 devices), for a buffer used only during an outage.
     */
    private ByteBuffer pending = ByteBuffer.allocate(0);
    /** File bytes written so far, header included (excluding {@link #pending}). */
    private long written;
    /** File position of the next record to read. */
    private long readAt = HEADER;
    /** File position of the first record not yet delivered. */
    private long acknowledged = HEADER;
    /** {@link #acknowledged} as the header on disk has it. */
    private long acknowledgedOnDisk = HEADER;
    /** Records not read yet. */
    private long records;

    private SpillFile(Path path, long maxBytes, FileChannel channel) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.channel = channel;
    }

    /**
     * Opens the spill file at {@code path}, creating it when absent, and recovers the records it
     * holds that were not acknowledged: {@link #records()} counts them and {@link #poll()} returns
     * them first.
     */
    static SpillFile open(Path path, long maxBytes) {
        FileChannel channel = openChannel(path);
        try {
            if (channel.size() == 0) {
                return new SpillFile(path, maxBytes, channel);
            }
            SpillFormat.Header header = SpillFormat.readHeader(channel);
            if (header.problem() != null) {
                channel.close();
                Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + System.currentTimeMillis());
                Files.move(path, aside);
                LOG.warn(
                        "spill file {} cannot be read: {}; moved aside to {} and starting with an empty spill file"
                                + " (events it held come back only through the device's replay from the stored"
                                + " offset)",
                        path,
                        header.problem(),
                        aside.getFileName());
                return new SpillFile(path, maxBytes, openChannel(path));
            }
            SpillFile spill = new SpillFile(path, maxBytes, channel);
            spill.recover(header.acknowledged());
            return spill;
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open failure is the news
            }
            throw new UncheckedIOException("cannot open spill file " + path + ": " + e.getMessage(), e);
        }
    }

    private void recover(long from) throws IOException {
        long size = channel.size();
        SpillFormat.Scan scan = SpillFormat.scan(channel, from, size);
        if (scan.damage() != null) {
            channel.truncate(scan.end());
        }
        written = scan.end();
        readAt = acknowledged = acknowledgedOnDisk = Math.min(from, written);
        records = scan.records();
        if (scan.damage() != null) {
            LOG.warn(
                    "spill file {}: cut off {} bytes at byte {} ({}), left by a crash while writing; recovered {}"
                            + " events not yet delivered, which go first",
                    path,
                    size - scan.end(),
                    scan.end(),
                    scan.damage(),
                    records);
        } else if (records > 0) {
            LOG.info(
                    "spill file {}: recovered {} events ({} bytes) not yet delivered, which go first",
                    path,
                    records,
                    bytes());
        }
        if (records == 0) {
            clear();
        }
    }

    private static FileChannel openChannel(Path path) {
        try {
            Files.createDirectories(path.getParent());
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open spill file " + path + ": " + e.getMessage(), e);
        }
    }

    static int recordSize(SseEvent event, byte[] payload) {
        return FRAME
                + SpillFormat.BODY_FIXED
                + utf8Length(event.type())
                + utf8Length(event.lastEventId())
                + payload.length;
    }

    /** Whether a record of this size still fits under the limit. */
    boolean fits(int recordSize) {
        return bytes() + recordSize <= maxBytes;
    }

    /** Whether every record was read (some may still wait for their acknowledgement). */
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
        return records == 0 ? 0 : written + pending.position() - readAt;
    }

    void append(SseEvent event, byte[] payload, long receivedNanos) {
        byte[] type = event.type().getBytes(StandardCharsets.UTF_8);
        byte[] id = event.lastEventId().getBytes(StandardCharsets.UTF_8);
        int body = SpillFormat.BODY_FIXED + type.length + id.length + payload.length;
        int size = FRAME + body;
        if (pending.capacity() == 0) {
            pending = ByteBuffer.allocate(WRITE_BUFFER);
        }
        if (written == 0 && pending.position() == 0) {
            SpillFormat.putHeader(pending, HEADER);
        }
        if (size > pending.remaining()) {
            flush();
        }
        ByteBuffer target = size <= pending.capacity() ? pending : ByteBuffer.allocate(size);
        int start = target.position();
        target.putInt(body)
                .putInt(0) // the CRC, below
                .putLong(receivedNanos + epochOffset)
                .putInt(type.length)
                .put(type)
                .putInt(id.length)
                .put(id)
                .putInt(payload.length)
                .put(payload);
        crc.reset();
        crc.update(target.array(), start + FRAME, body);
        target.putInt(start + Integer.BYTES, (int) crc.getValue());
        if (target != pending) {
            target.flip();
            write(target);
        }
        records++;
    }

    /** The oldest unread event, its payload and where it ends in the file; {@code null} when all were read. */
    Spilled poll() {
        if (records == 0) {
            return null;
        }
        try {
            int length = nextLength();
            byte[] body = new byte[length];
            SpillFormat.readFully(channel, ByteBuffer.wrap(body), readAt + FRAME);
            if (SpillFormat.crc(body, 0, length) != frame.getInt(Integer.BYTES)
                    || !SpillFormat.wellFormed(body, 0, length)) {
                throw new IOException("the record at byte " + readAt + " fails its checksum (changed while open?)");
            }
            readAt += FRAME + length;
            records--;
            Spilled spilled = decode(body, readAt);
            return spilled;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the oldest unread record without reading it ({@code drop-oldest}). It counts as
     * delivered as soon as every record read before it is acknowledged; true when there was one.
     */
    boolean drop() {
        if (records == 0) {
            return false;
        }
        try {
            long start = readAt;
            readAt += FRAME + nextLength();
            records--;
            if (acknowledged == start) {
                acknowledge(readAt);
            } else if (!dropped.isEmpty() && dropped.peekLast()[1] == start) {
                dropped.peekLast()[1] = readAt;
            } else {
                dropped.add(new long[] {start, readAt});
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads the next record's frame into {@link #frame} and returns its body length. */
    private int nextLength() throws IOException {
        if (readAt >= written) {
            flush();
        }
        frame.clear();
        SpillFormat.readFully(channel, frame, readAt);
        int length = frame.getInt(0);
        if (length < SpillFormat.BODY_FIXED || length > written - readAt - FRAME) {
            throw new IOException(
                    "the record at byte " + readAt + " claims " + length + " bytes (changed while open?)");
        }
        return length;
    }

    /**
     * Every record that ends at or before {@code end} (a {@link Spilled#end()}) reached its
     * destinations: it does not come back after a restart.
     */
    void acknowledge(long end) {
        if (end <= acknowledged) {
            return;
        }
        acknowledged = Math.min(end, readAt);
        while (!dropped.isEmpty() && dropped.peekFirst()[0] <= acknowledged) {
            acknowledged = Math.max(acknowledged, dropped.poll()[1]);
        }
        if (records == 0 && acknowledged == readAt) {
            clear();
        } else if (acknowledged - acknowledgedOnDisk >= ACKNOWLEDGE_WRITE_EVERY) {
            writeAcknowledged();
        }
    }

    /** One event read back, its payload bytes, and the file position where its record ends. */
    record Spilled(SseEvent event, byte[] payload, long receivedNanos, long end) {}

    private Spilled decode(byte[] body, long end) {
        ByteBuffer b = ByteBuffer.wrap(body);
        long receivedNanos = b.getLong() - epochOffset;
        String type = string(b);
        String id = string(b);
        int dataLength = b.getInt();
        byte[] data = Arrays.copyOfRange(body, b.position(), b.position() + dataLength);
        String text = new String(data, StandardCharsets.UTF_8);
        return new Spilled(new SseEvent(type, text, id, SseEvent.NO_RETRY), data, receivedNanos, end);
    }

    private static String string(ByteBuffer b) {
        int length = b.getInt();
        String s = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
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

    private void writeAcknowledged() {
        if (written < HEADER) {
            return; // nothing on disk yet
        }
        try {
            ByteBuffer field = SpillFormat.acknowledgedField(acknowledged);
            while (field.hasRemaining()) {
                channel.write(field, SpillFormat.ACKNOWLEDGED_AT + field.position());
            }
            acknowledgedOnDisk = acknowledged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spill file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Everything written was delivered, or what is left cannot be read: the file becomes empty (a
     * new header comes with the next record).
     */
    void clear() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate spill file " + path + ": " + e.getMessage(), e);
        }
        pending = ByteBuffer.allocate(0);
        dropped.clear();
        written = 0;
        readAt = acknowledged = acknowledgedOnDisk = HEADER;
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

    /**
     * Writes out what is buffered and the acknowledged position, and closes: the file is kept while
     * it holds records not yet delivered, deleted when it is empty.
     */
    @Override
    public void close() {
        boolean keep = !(records == 0 && acknowledged == readAt);
        try (channel) {
            if (keep) {
                if (pending.position() > 0) {
                    flush();
                }
                writeAcknowledged();
                channel.force(true);
                LOG.info(
                        "spill file {}: kept with {} bytes not yet delivered ({} events unread); they go first at the"
                                + " next start",
                        path,
                        written - acknowledged,
                        records);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("spill file {}: not closed cleanly ({})", path, e.toString());
        }
        if (!keep) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("spill file {}: cannot delete it ({})", path, e.toString());
            }
        }
    }
}
