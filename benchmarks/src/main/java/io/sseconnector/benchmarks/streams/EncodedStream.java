package io.sseconnector.benchmarks.streams;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pre-encoded {@code text/event-stream} body and what a correct consumer must see in it.
 *
 * @param bytes the body, UTF-8
 * @param eventEnds the offset just past each event's blank line, in order
 * @param dataLength the sum of the data lengths (in chars) of all events
 */
public record EncodedStream(byte[] bytes, int[] eventEnds, long dataLength) {

    public int events() {
        return eventEnds.length;
    }

    /** Body bytes per event, on average. */
    public double bytesPerEvent() {
        return (double) bytes.length / eventEnds.length;
    }

    /**
     * The same body as an HTTP/1.1 chunked body with one chunk per event, without the final
     * {@code 0\r\n\r\n} (a server repeats the block and then ends it).
     */
    public byte[] chunkedPerEvent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + eventEnds.length * 10);
        int start = 0;
        for (int end : eventEnds) {
            out.writeBytes((Integer.toHexString(end - start) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, start, end - start);
            out.writeBytes(CRLF);
            start = end;
        }
        return out.toByteArray();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** Accumulates events as {@code event: TYPE\nid: ID\ndata: DATA\n\n}. */
    static final class Builder {
        private byte[] buf;
        private int size;
        private int[] ends = new int[1024];
        private int events;
        private long dataLength;

        Builder(int capacityHint) {
            buf = new byte[Math.max(capacityHint, 1024)];
        }

        /** Appends one event; {@code type} or {@code id} may be null to leave the field out. */
        Builder event(String type, String id, String data) {
            if (type != null) {
                ascii("event: ").utf8(type).ascii("\n");
            }
            if (id != null) {
                ascii("id: ").utf8(id).ascii("\n");
            }
            ascii("data: ").utf8(data).ascii("\n\n");
            if (events == ends.length) {
                ends = Arrays.copyOf(ends, events * 2);
            }
            ends[events++] = size;
            dataLength += data.length();
            return this;
        }

        int size() {
            return size;
        }

        int events() {
            return events;
        }

        EncodedStream build() {
            return new EncodedStream(Arrays.copyOf(buf, size), Arrays.copyOf(ends, events), dataLength);
        }

        private Builder ascii(String s) {
            return append(s.getBytes(StandardCharsets.US_ASCII));
        }

        private Builder utf8(String s) {
            return append(s.getBytes(StandardCharsets.UTF_8));
        }

        private Builder append(byte[] b) {
            if (size + b.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }
    }
}
