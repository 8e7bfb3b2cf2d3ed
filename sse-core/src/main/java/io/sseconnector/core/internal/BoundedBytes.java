package io.sseconnector.core.internal;

import java.util.Arrays;

/**
 * A byte buffer that grows geometrically up to a limit and never past it. Its owner checks the
 * limit before appending; an append beyond it is a bug and throws {@link IllegalStateException},
 * leaving the buffer as it was.
 */
public final class BoundedBytes {
    private static final int INITIAL_CAPACITY = 256;

    private final int maxBytes;
    private byte[] bytes = new byte[0];
    private int length;

    public BoundedBytes(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void append(byte[] src, int from, int count) {
        // The common case, room left, in few bytecodes so that the JIT inlines it; growth and the
        // limit are a call.
        int end = length + count;
        if (count > bytes.length - length) {
            end = reserve(count);
        }
        System.arraycopy(src, from, bytes, length, count);
        length = end;
    }

    public void append(byte b) {
        int end = reserve(1);
        bytes[length] = b;
        length = end;
    }

    /** Makes room for {@code count} more bytes; returns the length after them. */
    private int reserve(int count) {
        long needed = (long) length + count;
        if (needed > maxBytes) {
            throw new IllegalStateException(
                    "appending " + count + " bytes to " + length + " would pass the limit of " + maxBytes);
        }
        if (needed > bytes.length) {
            long grown = Math.max(needed, Math.max(INITIAL_CAPACITY, 2L * bytes.length));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, maxBytes));
        }
        return (int) needed;
    }

    /** The backing array; valid bytes are {@code [0, length())}. Replaced when the buffer grows. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** The bytes held, used or not: at most the limit. */
    public int capacity() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Empties the buffer and keeps its capacity. */
    public void clear() {
        length = 0;
    }
}
