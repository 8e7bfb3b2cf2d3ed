package io.sseconnector.benchmarks.parser;

import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * An okio {@link Source} over a byte array that hands out at most {@code chunk} bytes per read,
 * like a socket delivering segments of that size.
 */
final class ChunkedSource implements Source {
    private final byte[] bytes;
    private final int chunk;
    private int pos;

    ChunkedSource(byte[] bytes, int chunk) {
        this.bytes = bytes;
        this.chunk = chunk;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
        if (pos == bytes.length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(byteCount, chunk), bytes.length - pos);
        sink.write(bytes, pos, n);
        pos += n;
        return n;
    }

    @Override
    public Timeout timeout() {
        return Timeout.NONE;
    }

    @Override
    public void close() {}
}
