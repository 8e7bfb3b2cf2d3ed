package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedBodyDecoderTest {

    private static final String BODY = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";

    @Test
    void payloadsOfAllChunksComeOutInOrder() {
        Decoded d = decodeWhole(BODY);

        assertThat(d.payload).isEqualTo("hello world");
        assertThat(d.done).isTrue();
        assertThat(d.failure).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
                "5\nhello\n6\n world\n0\n\n", // bare LF line ends
                "5;name=value;flag\r\nhello\r\n6 ; x=\"a;b\"\r\n world\r\n0;last\r\n\r\n", // extensions
                "5\r\nhello\r\n6\r\n world\r\n0\r\nExpires: never\r\nX-Sum: 11\r\n\r\n", // trailers
                "05\r\nhello\r\n0006\r\n world\r\n000\r\n\r\n", // leading zeros
            })
    void everySplitGivesTheSamePayload(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split <= bytes.length; split++) {
            Decoded d = decode(bytes, split);
            assertThat(d.payload).as("split at %d", split).isEqualTo("hello world");
            assertThat(d.done).as("split at %d", split).isTrue();
            assertThat(d.failure).as("split at %d", split).isNull();
        }
        Decoded oneByOne = decodeByteByByte(bytes);
        assertThat(oneByOne.payload).isEqualTo("hello world");
        assertThat(oneByOne.done).isTrue();
    }

    @Test
    void everyPairOfSplitsGivesTheSamePayload() {
        byte[] bytes = "a;x=1\r\n0123456789\r\n1F\r\nabcdefghijklmnopqrstuvwxyzABCDE\r\n0\r\nT: 1\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String expected = "0123456789abcdefghijklmnopqrstuvwxyzABCDE";
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                Decoded d = decode(bytes, first, second);
                assertThat(d.payload).as("splits at %d, %d", first, second).isEqualTo(expected);
                assertThat(d.done).isTrue();
            }
        }
    }

    /**
     * Bodies of many chunks (sizes of one to three hex digits, CRLF or bare LF, some with
     * extensions) cut into regions at random points: whole chunks inside a region take the one-step
     * path, chunks cut by a region's end the byte-at-a-time states; the payload is the same.
     */
    @Test
    void manyChunksCutAnywhereGiveTheirPayloadInOrder() {
        Random random = new Random(7);
        for (int body = 0; body < 300; body++) {
            StringBuilder framed = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            int chunks = 1 + random.nextInt(40);
            for (int c = 0; c < chunks; c++) {
                int size = 1 + random.nextInt(random.nextBoolean() ? 20 : 700);
                String eol = random.nextBoolean() ? "\r\n" : "\n";
                String data = randomText(random, size);
                String hex = Integer.toHexString(size);
                framed.append(random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT))
                        .append(random.nextInt(8) == 0 ? ";ext=1" : "")
                        .append(eol)
                        .append(data)
                        .append(eol);
                expected.append(data);
            }
            framed.append("0\r\n\r\n");
            byte[] bytes = framed.toString().getBytes(StandardCharsets.ISO_8859_1);
            int[] splits =
                    random.ints(random.nextInt(6), 0, bytes.length + 1).sorted().toArray();

            Decoded d = decode(bytes, splits);

            assertThat(d.payload)
                    .as("body %d split at %s", body, Arrays.toString(splits))
                    .isEqualTo(expected.toString());
            assertThat(d.done).isTrue();
            assertThat(d.failure).isNull();
        }
    }

    @Test
    void aChunkWholeInTheRegionStillChecksTheLineEndAfterItsData() {
        Decoded d = decodeWhole("5\r\nhello\rX6\r\n world\r\n0\r\n\r\n");

        assertThat(d.payload).isEqualTo("hello");
        assertThat(d.failure).hasMessageContaining("chunk data not followed by a line end, found 'X'");
    }

    @Test
    void hexDigitsOfBothCasesAreRead() {
        String payload = "x".repeat(0xAB);
        assertThat(decodeWhole("aB\r\n" + payload + "\r\n0\r\n\r\n").payload).isEqualTo(payload);
        assertThat(decodeWhole("Ab\r\n" + payload + "\r\n0\r\n\r\n").payload).isEqualTo(payload);
    }

    @Test
    void bytesAfterTheLastChunkAreNotPayload() {
        Decoded d = decodeWhole("5\r\nhello\r\n0\r\n\r\ndata: after the body\n\n");

        assertThat(d.payload).isEqualTo("hello");
        assertThat(d.done).isTrue();
    }

    @Test
    void anUnfinishedBodyIsNotDone() {
        ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
        byte[] bytes = "5\r\nhel".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(decoder.decode(bytes, 0, bytes.length)).isEqualTo(3);
        assertThat(decoder.isDone()).isFalse();
        assertThat(decoder.position()).contains("inside a chunk (2 bytes missing)");
    }

    @Test
    void aMalformedChunkSizeFailsAfterThePayloadBeforeIt() {
        Decoded d = decodeWhole("5\r\nhello\r\nzz\r\nmore\r\n");

        assertThat(d.payload).isEqualTo("hello");
        assertThat(d.done).isFalse();
        assertThat(d.failure).hasMessageContaining("expected a hex chunk size, found 'z'");
    }

    @Test
    void garbageAfterTheSizeDigitsFails() {
        assertThat(decodeWhole("5x\r\nhello\r\n").failure).hasMessageContaining("malformed chunk size, found 'x'");
    }

    @Test
    void anEmptySizeLineFails() {
        assertThat(decodeWhole("\r\nhello\r\n").failure).hasMessageContaining("expected a hex chunk size, found 0x0D");
    }

    @Test
    void dataLongerThanItsSizeFails() {
        Decoded d = decodeWhole("3\r\nhello\r\n0\r\n\r\n");

        assertThat(d.payload).isEqualTo("hel");
        assertThat(d.failure).hasMessageContaining("chunk data not followed by a line end, found 'l'");
    }

    @Test
    void aSizeBeyondSixtyBitsFails() {
        assertThat(decodeWhole("1000000000000000\r\n").failure).hasMessageContaining("chunk size too large");
        assertThat(decodeWhole("FFFFFFFFFFFFFFF\r\n").failure).isNull(); // 60 bits still fit
    }

    @Test
    void overlongSizeLinesAndTrailersFail() {
        String longExtension = ";" + "e".repeat(ChunkedBodyDecoder.MAX_LINE);
        assertThat(decodeWhole("5" + longExtension + "\r\nhello\r\n").failure)
                .hasMessageContaining("chunk-size line longer than 4096 bytes");

        StringBuilder trailers = new StringBuilder("0\r\n");
        for (int i = 0; i < 300; i++) {
            trailers.append("X-Trailer-")
                    .append(i)
                    .append(": ")
                    .append("v".repeat(20))
                    .append("\r\n");
        }
        assertThat(decodeWhole(trailers + "\r\n").failure).hasMessageContaining("trailers longer than 8192 bytes");
    }

    @Test
    void afterAFailureNothingMoreIsDecoded() {
        ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
        byte[] bad = "?\r\n".getBytes(StandardCharsets.ISO_8859_1);
        decoder.decode(bad, 0, bad.length);
        byte[] good = "5\r\nhello\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(decoder.decode(good, 0, good.length)).isZero();
        assertThat(decoder.failure()).isNotNull();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static String randomText(Random random, int length) {
        // Line ends and hex digits too: payload bytes must never be read as framing.
        String alphabet = "ab\r\n09;:xyz{}\"";
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(text);
    }

    private record Decoded(String payload, boolean done, MalformedResponseException failure) {}

    private static Decoded decodeWhole(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return decode(bytes, bytes.length);
    }

    /** Decodes the body in regions split at the given indexes, each in an array of its own. */
    private static Decoded decode(byte[] bytes, int... splits) {
        ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int i = 0; i <= splits.length; i++) {
            int to = i < splits.length ? splits[i] : bytes.length;
            feed(decoder, bytes, from, to, out);
            from = to;
        }
        return new Decoded(out.toString(StandardCharsets.ISO_8859_1), decoder.isDone(), decoder.failure());
    }

    private static Decoded decodeByteByByte(byte[] bytes) {
        ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            feed(decoder, bytes, i, i + 1, out);
        }
        return new Decoded(out.toString(StandardCharsets.ISO_8859_1), decoder.isDone(), decoder.failure());
    }

    /** The region lands at an offset in a larger array, as a read lands in the scratch array. */
    private static void feed(ChunkedBodyDecoder decoder, byte[] bytes, int from, int to, ByteArrayOutputStream out) {
        byte[] region = new byte[to - from + 7];
        System.arraycopy(bytes, from, region, 3, to - from);
        int n = decoder.decode(region, 3, 3 + to - from);
        out.write(region, 3, n);
    }
}
