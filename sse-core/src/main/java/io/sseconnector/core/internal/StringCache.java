package io.sseconnector.core.internal;

import java.util.Arrays;

/**
 * Decodes short byte strings that repeat, such as event types, to the same String instance: a
 * stream with a handful of types then allocates no String per event for its type. Two-way set
 * associative: a key may sit in either slot of its pair, so two frequent keys that hash to the same
 * pair do not evict each other on every event (with one slot per hash, 5 types in 16 slots collide
 * about half the time); a miss moves the pair's first entry to the second slot and takes the first.
 */
public final class StringCache {
    private static final int PAIR_BITS = 3;
    private static final int SLOTS = 2 << PAIR_BITS;
    private static final int MAX_KEY_BYTES = 64;
    /** Fibonacci hashing: the multiply moves every input bit into the top bits that pick the pair. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final byte[][] keys = new byte[SLOTS][];
    /** Each key's first eight bytes, zero-padded: most keys are told apart, or matched, by them alone. */
    private final long[] heads = new long[SLOTS];

    private final String[] values = new String[SLOTS];

    /** {@link Utf8#decode(byte[], int, int, boolean)}, from the cache when the bytes repeat. */
    public String decode(byte[] bytes, int from, int to, boolean ascii) {
        int length = to - from;
        if (length > MAX_KEY_BYTES) {
            return Utf8.decode(bytes, from, to, ascii);
        }
        // The first and the last eight bytes and the length: one multiply, no loop over the bytes.
        long head = LittleEndian.head(bytes, from, length);
        long tail = length > Long.BYTES ? LittleEndian.getLong(bytes, to - Long.BYTES) : 0;
        int first = (int) (((head ^ Long.rotateLeft(tail, 29) ^ length) * GOLDEN) >>> (Long.SIZE - PAIR_BITS)) << 1;
        if (matches(first, length, head, bytes, from, tail)) {
            return values[first];
        }
        int second = first + 1;
        if (matches(second, length, head, bytes, from, tail)) {
            return values[second];
        }
        String value = Utf8.decode(bytes, from, to, ascii);
        keys[second] = keys[first];
        heads[second] = heads[first];
        values[second] = values[first];
        keys[first] = Arrays.copyOfRange(bytes, from, to);
        heads[first] = head;
        values[first] = value;
        return value;
    }

    private boolean matches(int slot, int length, long head, byte[] bytes, int from, long tail) {
        byte[] key = keys[slot];
        return key != null && key.length == length && heads[slot] == head && restEqual(key, bytes, from, tail);
    }

    /**
     * Whether {@code key} equals {@code bytes[from, from + key.length)} past the first eight bytes,
     * which the caller compared; {@code tail} is the last eight bytes of that range when it is
     * longer than eight.
     */
    private static boolean restEqual(byte[] key, byte[] bytes, int from, long tail) {
        int length = key.length;
        if (length <= Long.BYTES) {
            return true;
        }
        if (LittleEndian.getLong(key, length - Long.BYTES) != tail) {
            return false;
        }
        // Keys up to 16 bytes are covered by the two words; longer ones compare their middle too.
        return length <= 2 * Long.BYTES
                || Arrays.equals(
                        key, Long.BYTES, length - Long.BYTES, bytes, from + Long.BYTES, from + length - Long.BYTES);
    }
}
