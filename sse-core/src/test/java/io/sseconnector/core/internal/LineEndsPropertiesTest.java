package io.sseconnector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link LineEnds}, a word at a time, agrees with a byte-by-byte loop. */
class LineEndsPropertiesTest {
    @Property(tries = 5000)
    void findsTheFirstLineEndAndTellsWhetherTheBytesBeforeItAreAscii(
            @ForAll("bytes") byte[] bytes, @ForAll @IntRange(max = 20) int from, @ForAll @IntRange(max = 20) int cut) {
        int start = Math.min(from, bytes.length);
        int to = Math.max(start, bytes.length - cut);
        ByteLoopReference.assertLineEndsAgree(bytes, start, to);
    }

    @Property(tries = 2000)
    void looksAtNoByteOutsideTheRange(
            @ForAll("bytes") byte[] range,
            @ForAll @IntRange(max = 20) int before,
            @ForAll @IntRange(max = 20) int after,
            @ForAll("outside") byte outside) {
        // Line ends or non-ASCII bytes all around the range: the word reads (the last one overlaps
        // bytes already checked) must not report any of them.
        byte[] bytes = new byte[before + range.length + after];
        java.util.Arrays.fill(bytes, outside);
        System.arraycopy(range, 0, bytes, before, range.length);
        int alone = LineEnds.indexOf(range, 0, range.length);
        assertThat(LineEnds.indexOf(bytes, before, before + range.length)).isEqualTo(alone < 0 ? -1 : before + alone);
    }

    @Provide
    Arbitrary<Byte> outside() {
        return Arbitraries.of((byte) '\n', (byte) '\r', (byte) 0x80, (byte) 0xFF);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> rare =
                Arbitraries.of((byte) '\n', (byte) '\r', (byte) 0x80, (byte) 0xFF, (byte) 0x0B, (byte) 0x8A);
        Arbitrary<Byte> plain = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(20, plain),
                        net.jqwik.api.Tuple.of(1, rare),
                        net.jqwik.api.Tuple.of(1, Arbitraries.bytes()))
                .list()
                .ofMaxSize(70)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
    }
}
