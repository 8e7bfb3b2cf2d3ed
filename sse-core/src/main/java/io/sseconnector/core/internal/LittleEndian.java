package io.sseconnector.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array as one {@code long}, the first byte in the lowest bits whatever the
 * platform's byte order, so that "the first byte that ..." is the lowest set bit.
 */
public final class LittleEndian {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    /** {@code bytes[at, at + 8)}; throws {@link IndexOutOfBoundsException} past the array. */
    public static long getLong(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * The first {@code min(length, 8)} bytes at {@code at}, zero-padded, read as one {@code long}
     * when the array has eight bytes there and byte by byte otherwise.
     */
    public static long head(byte[] bytes, int at, int length) {
        if (length >= Long.BYTES) {
            return getLong(bytes, at);
        }
        if (at <= bytes.length - Long.BYTES) {
            return getLong(bytes, at) & ((1L << (length << 3)) - 1);
        }
        long word = 0;
        for (int k = length - 1; k >= 0; k--) {
            word = (word << 8) | (bytes[at + k] & 0xFF);
        }
        return word;
    }

    /** The first {@code text.length()} (at most 8) chars of ASCII {@code text} as {@link #head} reads them. */
    public static long of(String text) {
        long word = 0;
        for (int k = text.length() - 1; k >= 0; k--) {
            word = (word << 8) | text.charAt(k);
        }
        return word;
    }

    /** The mask of the first {@code length} (0..8) bytes of a word. */
    public static long mask(int length) {
        return length >= Long.BYTES ? -1L : (1L << (length << 3)) - 1;
    }
}
