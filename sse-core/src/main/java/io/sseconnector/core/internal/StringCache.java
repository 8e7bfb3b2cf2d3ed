package io.sseconnector.core.internal;

import java.util.Arrays;

/**
 * Decodes short byte strings that repeat, such as event types, to the same String instance: a
 * stream with a handful of types then allocates no String per event for its type. Direct-mapped:
 * a miss replaces the slot.
 */
public final class StringCache {
    private static final int SLOTS = 16; // a power of two
    private static final int MAX_KEY_BYTES = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** {@link Utf8#decode(byte[], int, int, boolean)}, from the cache when the bytes repeat. */
    public String decode(byte[] bytes, int from, int to, boolean ascii) {
        int length = to - from;
        if (length > MAX_KEY_BYTES) {
            return Utf8.decode(bytes, from, to, ascii);
        }
        // Length and the two end bytes tell apart the few types of a stream; a full hash costs as
        // much as the decoding it saves.
        int hash = length == 0 ? 0 : length * 31 + bytes[from] * 7 + bytes[to - 1];
        int slot = (hash ^ (hash >>> 4)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && equal(key, bytes, from, length)) {
            return values[slot];
        }
        String value = Utf8.decode(bytes, from, to, ascii);
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        values[slot] = value;
        return value;
    }

    /** A plain loop: for a handful of bytes it beats the call into {@code Arrays.equals}. */
    private static boolean equal(byte[] key, byte[] bytes, int from, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}
