package io.sseconnector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link LineScanner}, eight bytes at a time, agrees with a byte-by-byte loop. */
class LineScannerPropertiesTest {
    @Property(tries = 5000)
    void findsTheFirstLineEndAndTellsWhetherTheLineIsAscii(
            @ForAll("bytes") byte[] bytes, @ForAll @IntRange(max = 20) int from, @ForAll @IntRange(max = 20) int cut) {
        int start = Math.min(from, bytes.length);
        int to = Math.max(start, bytes.length - cut);
        int expected = -1;
        boolean ascii = true;
        for (int i = start; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                expected = i;
                break;
            }
            ascii &= bytes[i] >= 0;
        }
        LineScanner scanner = new LineScanner();
        assertThat(scanner.indexOfLineEnd(bytes, start, to)).isEqualTo(expected);
        assertThat(scanner.takeAscii()).isEqualTo(ascii);
        assertThat(scanner.takeAscii()).as("reset for the next line").isTrue();
    }

    @Property(tries = 1000)
    void asciiNoteSpansCallsUntilTaken(@ForAll("bytes") byte[] first, @ForAll("bytes") byte[] second) {
        LineScanner scanner = new LineScanner();
        int end = scanner.indexOfLineEnd(first, 0, first.length);
        boolean firstAscii = asciiBefore(first, end < 0 ? first.length : end);
        if (end < 0) {
            int secondEnd = scanner.indexOfLineEnd(second, 0, second.length);
            boolean secondAscii = asciiBefore(second, secondEnd < 0 ? second.length : secondEnd);
            assertThat(scanner.takeAscii()).isEqualTo(firstAscii && secondAscii);
        } else {
            assertThat(scanner.takeAscii()).isEqualTo(firstAscii);
        }
    }

    private static boolean asciiBefore(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
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
