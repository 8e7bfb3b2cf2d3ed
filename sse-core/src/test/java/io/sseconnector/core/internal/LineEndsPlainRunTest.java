package io.sseconnector.core.internal;

import org.junit.jupiter.api.Test;

/**
 * {@link LineEnds} on long plain-ASCII runs, which it skips four or two words at a time: one byte that
 * needs a closer look (a line end, another control byte, a non-ASCII byte, or the bytes just above
 * and below the test's bounds) at every position of ranges of every length and start, and a
 * non-ASCII byte before a line end at every pair of positions.
 */
class LineEndsPlainRunTest {
    private static final byte[] SPECIALS = {
        '\n', '\r', 0x0B, 0x00, 0x0E, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, '\t', ' '
    };

    @Test
    void oneSpecialByteAtEveryPosition() {
        for (int length = 0; length <= 72; length++) {
            for (int from = 0; from <= 9; from++) {
                for (int at = 0; at < length; at++) {
                    for (byte special : SPECIALS) {
                        byte[] bytes = plain(from + length + 3);
                        bytes[from + at] = special;
                        ByteLoopReference.assertLineEndsAgree(bytes, from, from + length);
                    }
                }
            }
        }
    }

    @Test
    void nonAsciiBeforeALineEndAtEveryPairOfPositions() {
        for (int length = 1; length <= 56; length++) {
            for (int nonAscii = 0; nonAscii < length; nonAscii++) {
                for (int lineEnd = 0; lineEnd < length; lineEnd++) {
                    byte[] bytes = plain(length + 1);
                    bytes[1 + nonAscii] = (byte) 0xE9;
                    bytes[1 + lineEnd] = lineEnd % 2 == 0 ? (byte) '\n' : (byte) '\r';
                    ByteLoopReference.assertLineEndsAgree(bytes, 1, 1 + length);
                }
            }
        }
    }

    @Test
    void longPlainLineEndingAnywhere() {
        for (int length = 1; length <= 1100; length += length < 80 ? 1 : 37) {
            byte[] bytes = plain(length);
            ByteLoopReference.assertLineEndsAgree(bytes, 0, length);
            bytes[length - 1] = '\n';
            ByteLoopReference.assertLineEndsAgree(bytes, 0, length);
        }
    }

    /** Printable ASCII, not the same byte everywhere so that a word mix-up would show. */
    private static byte[] plain(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (0x20 + (i * 7) % 0x5F);
        }
        return bytes;
    }
}
