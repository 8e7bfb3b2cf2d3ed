package io.sseconnector.benchmarks.parser;

import java.io.InputStream;

/** An {@link InputStream} over a byte array that returns at most {@code chunk} bytes per read. */
final class ChunkedInputStream extends InputStream {
    private final byte[] bytes;
    private final int chunk;
    private int pos;

    ChunkedInputStream(byte[] bytes, int chunk) {
        this.bytes = bytes;
        this.chunk = chunk;
    }

    @Override
    public int read() {
        return pos == bytes.length ? -1 : bytes[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, chunk), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }
}
