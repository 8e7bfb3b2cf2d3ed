package io.sseconnector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** The plain byte-by-byte answer {@link LineEnds} must agree with, shared by its tests. */
final class ByteLoopReference {
    private ByteLoopReference() {}

    /**
     * Checks {@link LineEnds#scan}, {@link LineEnds#scanContinued} and {@link LineEnds#indexOf} on
     * {@code bytes[from, to)} against a byte loop: the first CR or LF, and whether every byte before
     * it (or every byte, when there is none) is ASCII.
     */
    static void assertLineEndsAgree(byte[] bytes, int from, int to) {
        int expected = -1;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                expected = i;
                break;
            }
            ascii &= bytes[i] >= 0;
        }
        String where = "bytes " + Arrays.toString(Arrays.copyOfRange(bytes, from, to));
        long scan = LineEnds.scan(bytes, from, to);
        assertThat(LineEnds.index(scan)).as(where).isEqualTo(expected);
        assertThat(LineEnds.ascii(scan)).as(where).isEqualTo(ascii);
        assertThat(LineEnds.indexOf(bytes, from, to)).as(where).isEqualTo(expected);
        long continued = LineEnds.scanContinued(bytes, from, to);
        assertThat(LineEnds.index(continued)).as(where).isEqualTo(expected);
        assertThat(LineEnds.ascii(continued)).as(where).isEqualTo(ascii);
    }
}
