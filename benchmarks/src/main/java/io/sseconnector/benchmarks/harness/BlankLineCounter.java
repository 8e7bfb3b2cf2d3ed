package io.sseconnector.benchmarks.harness;

import io.netty.buffer.ByteBuf;
import io.sseconnector.core.internal.LineEnds;

/**
 * Counts blank lines ({@code \n\n}) across reads: what a transport floor does instead of parsing.
 * The harness streams end every line with LF, so one blank line is one event. Every floor finds
 * line ends with sse-core's own scanner ({@link LineEnds}, eight bytes per step) over a byte array:
 * the least any SSE client must do per byte, so a floor never costs more than our parser's scan,
 * and the floors differ only in transport. (Netty's {@code ByteBuf#indexOf} on a direct buffer,
 * which the floors used before, scanned at about 1 GB/s here, slower than our whole parser, so it
 * measured the count rather than the transport.)
 */
final class BlankLineCounter {
    private static final byte LF = '\n';

    private final byte[] scratch = new byte[64 * 1024];
    private boolean lastWasLf;
    private long count;
    private long bytes;

    /** Counts blank lines in the readable bytes of {@code buf} (not moving its reader index), up to {@code limit}. */
    void feed(ByteBuf buf, long limit) {
        int index = buf.readerIndex();
        int end = buf.writerIndex();
        if (buf.hasArray()) {
            feed(buf.array(), buf.arrayOffset() + index, end - index, limit);
            return;
        }
        while (index < end && count < limit) {
            int n = Math.min(scratch.length, end - index);
            buf.getBytes(index, scratch, 0, n);
            feed(scratch, 0, n, limit);
            index += n;
        }
    }

    /** Counts blank lines in {@code data[offset, offset + length)}; stops right after the {@code limit}-th. */
    void feed(byte[] data, int offset, int length, long limit) {
        int end = offset + length;
        boolean previousWasLf = lastWasLf;
        int i = offset;
        while (i < end) {
            int lineEnd = LineEnds.indexOf(data, i, end);
            if (lineEnd < 0) {
                previousWasLf = false; // bytes i..end-1 hold no line end, so the last one is no LF
                break;
            }
            boolean lf = data[lineEnd] == LF;
            if (lf && lineEnd == i && previousWasLf && ++count == limit) {
                lastWasLf = true;
                bytes += lineEnd + 1 - offset;
                return;
            }
            previousWasLf = lf;
            i = lineEnd + 1;
        }
        lastWasLf = previousWasLf;
        bytes += length;
    }

    long count() {
        return count;
    }

    long bytes() {
        return bytes;
    }
}
