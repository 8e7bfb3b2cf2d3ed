package io.sseconnector.benchmarks.harness;

import io.netty.buffer.ByteBuf;

/**
 * Counts blank lines ({@code \n\n}) across reads: what a transport floor does instead of parsing.
 * The harness streams end every line with LF, so one blank line is one event. Both floors scan
 * with Netty's {@code ByteBuf#indexOf} (a SWAR search for LF), so they differ only in transport.
 */
final class BlankLineCounter {
    private static final byte LF = '\n';

    private boolean lastWasLf;
    private long count;
    private long bytes;

    /**
     * Counts blank lines in the readable bytes of {@code buf}, without moving its reader index;
     * stops right after the {@code limit}-th one.
     */
    void feed(ByteBuf buf, long limit) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            int lf = buf.indexOf(i, end, LF);
            if (lf < 0) {
                lastWasLf = false;
                bytes += end - i;
                return;
            }
            bytes += lf + 1 - i;
            if (lf == i && lastWasLf) {
                lastWasLf = false;
                if (++count == limit) {
                    return;
                }
            } else {
                lastWasLf = true;
            }
            i = lf + 1;
        }
    }

    long count() {
        return count;
    }

    long bytes() {
        return bytes;
    }
}
