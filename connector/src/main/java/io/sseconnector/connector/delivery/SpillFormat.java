package io.sseconnector.connector.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * The bytes of a {@link SpillFile}, big-endian, strings in UTF-8:
 *
 * <pre>
 * header (24 bytes)  int magic "SPIL" | int version 1 | long acknowledged | int crc32(acknowledged) | int 0
 * record             int bodyLength | int crc32(body) | body
 * body               long receivedEpochNanos | int typeLength, type | int idLength, id | int dataLength, data
 * </pre>
 *
 * {@code acknowledged} is the file position of the first record not yet delivered; it is rewritten
 * in place (12 bytes) as deliveries are acknowledged, and its CRC tells a damaged header from a good
 * one. A record's length and CRC tell a record torn by a crash from a whole one.
 */
final class SpillFormat {
    static final int MAGIC = 0x5350494C; // "SPIL"
    static final int VERSION = 1;
    static final int HEADER = 24;
    /** Where {@code acknowledged} and its CRC sit in the header. */
    static final long ACKNOWLEDGED_AT = 8;
    /** A record's length and CRC. */
    static final int FRAME = 2 * Integer.BYTES;
    /** The body without its strings and data. */
    static final int BODY_FIXED = Long.BYTES + 3 * Integer.BYTES;

    private static final int SCAN_BUFFER = 64 * 1024;

    private SpillFormat() {}

    /** The header's {@code acknowledged} position, or the reason the header is not a spill file's. */
    record Header(long acknowledged, String problem) {}

    /**
     * The records from a start position: where the whole ones end, how many there are, and what
     * follows them when that is not the end of the file (a record torn by a crash), else null.
     */
    record Scan(long end, long records, String damage) {}

    static void putHeader(ByteBuffer target, long acknowledged) {
        target.putInt(MAGIC)
                .putInt(VERSION)
                .put(acknowledgedField(acknowledged))
                .putInt(0);
    }

    /** The 12 bytes at {@link #ACKNOWLEDGED_AT}. */
    static ByteBuffer acknowledgedField(long acknowledged) {
        ByteBuffer field = ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(acknowledged);
        field.putInt(crc(field.array(), 0, Long.BYTES));
        return field.flip();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Reads the header of a non-empty file. */
    static Header readHeader(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < HEADER) {
            return new Header(0, "it is " + size + " bytes long, shorter than the " + HEADER + "-byte header");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, 0);
        if (header.getInt(0) != MAGIC) {
            return new Header(
                    0,
                    "it does not start with the spill file's magic number (not a spill file, or one"
                            + " written before spill files survived restarts)");
        }
        if (header.getInt(4) != VERSION) {
            return new Header(0, "it is format version " + header.getInt(4) + "; this version reads " + VERSION);
        }
        long acknowledged = header.getLong(8);
        if (crc(header.array(), 8, Long.BYTES) != header.getInt(16) || acknowledged < HEADER) {
            return new Header(0, "the delivered position in its header is damaged");
        }
        return new Header(acknowledged, null);
    }

    /** Walks the records from {@code from} to {@code size}, checking each one's length and CRC. */
    static Scan scan(FileChannel channel, long from, long size) throws IOException {
        if (from >= size) {
            return new Scan(size, 0, null); // every record was delivered (or the file lost its unsynced tail)
        }
        byte[] window = new byte[SCAN_BUFFER];
        long windowStart = from;
        int windowLength = 0;
        long at = from;
        long records = 0;
        while (at < size) {
            long left = size - at;
            if (left < FRAME) {
                return new Scan(at, records, "a record cut short in its first " + FRAME + " bytes");
            }
            if (at + FRAME > windowStart + windowLength) {
                windowStart = at;
                windowLength = fill(channel, window, at, Math.min(window.length, left));
            }
            int offset = (int) (at - windowStart);
            int length = ByteBuffer.wrap(window, offset, FRAME).getInt();
            int sum = ByteBuffer.wrap(window, offset + Integer.BYTES, Integer.BYTES)
                    .getInt();
            if (length < BODY_FIXED || length > left - FRAME) {
                return new Scan(at, records, "a record of " + length + " bytes where " + (left - FRAME) + " remain");
            }
            if (at + FRAME + length > windowStart + windowLength) {
                if (FRAME + length > window.length) {
                    window = new byte[FRAME + length];
                }
                windowStart = at;
                windowLength = fill(channel, window, at, Math.min(window.length, left));
                offset = 0;
            }
            if (crc(window, offset + FRAME, length) != sum || !wellFormed(window, offset + FRAME, length)) {
                return new Scan(at, records, "a record of " + length + " bytes that fails its checksum");
            }
            at += FRAME + length;
            records++;
        }
        return new Scan(at, records, null);
    }

    /** Whether a body's three lengths add up to its size. */
    static boolean wellFormed(byte[] body, int offset, int length) {
        ByteBuffer b = ByteBuffer.wrap(body, offset, length);
        b.position(offset + Long.BYTES);
        for (int field = 0; field < 3; field++) {
            if (b.remaining() < Integer.BYTES) {
                return false;
            }
            int n = b.getInt();
            if (n < 0 || n > b.remaining()) {
                return false;
            }
            b.position(b.position() + n);
        }
        return !b.hasRemaining();
    }

    private static int fill(FileChannel channel, byte[] window, long position, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(window, 0, (int) length);
        readFully(channel, buffer, position);
        return (int) length;
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("the file ends at byte " + at + ", before the record it is reading");
            }
            at += n;
        }
    }
}
