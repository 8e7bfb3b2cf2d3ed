package io.sseconnector.core;

import io.sseconnector.core.internal.LittleEndian;

/**
 * Recognises the common fields {@code data:}, {@code event:} and {@code id:} from the first eight
 * bytes of a line read as one {@code long} (see {@link LittleEndian}): one mask and compare per
 * name instead of a byte loop to the colon and a comparison per name byte. A line it does not
 * recognise ({@link #OTHER}: {@code retry}, a name without a colon, unknown names, comments) goes
 * the byte-by-byte way; the result is the same.
 */
final class FieldName {
    static final int OTHER = 0;
    static final int DATA = 1;
    static final int EVENT = 2;
    static final int ID = 3;

    private static final long DATA_COLON = LittleEndian.of("data:");
    private static final long EVENT_COLON = LittleEndian.of("event:");
    private static final long ID_COLON = LittleEndian.of("id:");

    private FieldName() {}

    /**
     * Which field the line starting with the eight bytes {@code head} holds. Only the name and its
     * colon are compared, so a line end inside {@code head} after the colon changes nothing.
     */
    static int of(long head) {
        if ((head & LittleEndian.mask(5)) == DATA_COLON) {
            return DATA;
        }
        if ((head & LittleEndian.mask(6)) == EVENT_COLON) {
            return EVENT;
        }
        if ((head & LittleEndian.mask(3)) == ID_COLON) {
            return ID;
        }
        return OTHER;
    }

    /** Where the value starts, from the line's start: after the colon and one optional space. */
    static int valueOffset(int name, long head) {
        int colonEnd = switch (name) {
            case DATA -> 5;
            case EVENT -> 6;
            default -> 3;
        };
        return ((head >>> (colonEnd << 3)) & 0xFF) == ' ' ? colonEnd + 1 : colonEnd;
    }
}
