package io.sseconnector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Utf8} against a reference written from a different angle: Unicode table 3-7 (the
 * well-formed sequences) and the definition of a maximal subpart, instead of the WHATWG state
 * machine.
 */
class Utf8PropertiesTest {
    @Property(tries = 5000)
    void decodeReplacesMaximalSubparts(
            @ForAll("utf8ish") byte[] bytes,
            @ForAll @IntRange(max = 5) int cutStart,
            @ForAll @IntRange(max = 5) int cutEnd) {
        int from = Math.min(cutStart, bytes.length);
        int to = Math.max(from, bytes.length - cutEnd);
        Decoded expected = referenceDecode(bytes, from, to);
        assertThat(Utf8.decode(bytes, from, to)).isEqualTo(expected.text());
        assertThat(Utf8.decodeReplacing(bytes, from, to)).isEqualTo(expected.text());
        assertThat(Utf8.isValid(bytes, from, to)).isEqualTo(expected.wellFormed());
    }

    @Property(tries = 2000)
    void wellFormedTextEncodesAsTheJdkDoesAndDecodesBack(@ForAll("wellFormed") String text) {
        byte[] jdk = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.encodedLength(text, 0, text.length())).isEqualTo(jdk.length);
        byte[] ours = new byte[jdk.length + 2];
        assertThat(Utf8.encode(text, 0, text.length(), ours, 1)).isEqualTo(jdk.length + 1);
        assertThat(java.util.Arrays.copyOfRange(ours, 1, jdk.length + 1)).isEqualTo(jdk);
        assertThat(Utf8.decode(jdk, 0, jdk.length)).isEqualTo(text);
        assertThat(Utf8.isValid(jdk, 0, jdk.length)).isTrue();
    }

    @Property(tries = 1000)
    void loneSurrogatesEncodeAsReplacement(@ForAll("withLoneSurrogates") String text) {
        String scalar = referenceScalarValues(text);
        byte[] expected = scalar.getBytes(StandardCharsets.UTF_8);
        byte[] ours = new byte[Utf8.encodedLength(text, 0, text.length())];
        Utf8.encode(text, 0, text.length(), ours, 0);
        assertThat(ours).isEqualTo(expected);
    }

    record Decoded(String text, boolean wellFormed) {}

    /** Table 3-7: for a lead byte, the range of its second byte; null when it cannot lead. */
    private static int[] secondByteRange(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return new int[] {2, 0x80, 0xBF};
        } else if (lead == 0xE0) {
            return new int[] {3, 0xA0, 0xBF};
        } else if (lead == 0xED) {
            return new int[] {3, 0x80, 0x9F};
        } else if (lead >= 0xE1 && lead <= 0xEF) {
            return new int[] {3, 0x80, 0xBF};
        } else if (lead == 0xF0) {
            return new int[] {4, 0x90, 0xBF};
        } else if (lead == 0xF4) {
            return new int[] {4, 0x80, 0x8F};
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            return new int[] {4, 0x80, 0xBF};
        }
        return null;
    }

    /**
     * At each position: the longest prefix of a well-formed sequence; all of it is a character,
     * otherwise it (at least one byte) is a maximal subpart and becomes one U+FFFD.
     */
    static Decoded referenceDecode(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder();
        boolean wellFormed = true;
        int i = from;
        while (i < to) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                out.append((char) lead);
                i++;
                continue;
            }
            int[] range = secondByteRange(lead);
            if (range == null) {
                out.append('\uFFFD');
                wellFormed = false;
                i++;
                continue;
            }
            int length = range[0];
            int valid = 1;
            while (valid < length && i + valid < to) {
                int b = bytes[i + valid] & 0xFF;
                int lower = valid == 1 ? range[1] : 0x80;
                int upper = valid == 1 ? range[2] : 0xBF;
                if (b < lower || b > upper) {
                    break;
                }
                valid++;
            }
            if (valid == length) {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
            } else {
                out.append('\uFFFD');
                wellFormed = false;
            }
            i += valid;
        }
        return new Decoded(out.toString(), wellFormed);
    }

    private static String referenceScalarValues(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(cp -> out.appendCodePoint(
                        cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp));
        return out.toString();
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of(
                (byte) 0x41,
                (byte) 0x7F,
                (byte) 0x80,
                (byte) 0x8F,
                (byte) 0x90,
                (byte) 0x9F,
                (byte) 0xA0,
                (byte) 0xBF,
                (byte) 0xC0,
                (byte) 0xC1,
                (byte) 0xC2,
                (byte) 0xDF,
                (byte) 0xE0,
                (byte) 0xE1,
                (byte) 0xEC,
                (byte) 0xED,
                (byte) 0xEE,
                (byte) 0xEF,
                (byte) 0xF0,
                (byte) 0xF1,
                (byte) 0xF3,
                (byte) 0xF4,
                (byte) 0xF5,
                (byte) 0xF8,
                (byte) 0xFC,
                (byte) 0xFE,
                (byte) 0xFF);
        Arbitrary<byte[]> valid = Arbitraries.strings().ofMaxLength(6).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                interesting.map(b -> new byte[] {b}), Arbitraries.bytes().map(b -> new byte[] {b}), valid);
        return piece.list().ofMaxSize(40).map(pieces -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return Arbitraries.integers()
                .between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list()
                .ofMaxSize(30)
                .map(cps -> {
                    StringBuilder s = new StringBuilder();
                    cps.forEach(s::appendCodePoint);
                    return s.toString();
                });
    }

    @Provide
    Arbitrary<String> withLoneSurrogates() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }
}
