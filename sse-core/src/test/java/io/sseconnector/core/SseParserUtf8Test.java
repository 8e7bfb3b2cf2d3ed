package io.sseconnector.core;

import static io.sseconnector.core.Bytes.bytes;
import static io.sseconnector.core.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UTF-8 decoding as the WHATWG Encoding standard wants it: valid characters split anywhere, and one
 * U+FFFD per <em>maximal subpart</em> of an ill-formed sequence (Unicode 3.9, "U+FFFD
 * Substitution of Maximal Subparts"), where the JDK decoder sometimes differs.
 */
class SseParserUtf8Test {
    private static final String R = "\uFFFD";

    private Recording recording;

    @AfterEach
    void nothingUnconsumed() {
        if (recording != null) {
            recording.assertExhausted();
        }
    }

    private Recording parse(byte[] stream) {
        return parse(SseLimits.DEFAULTS, "", stream);
    }

    /** Parses every way; the previous recording of the test must have been consumed. */
    private Recording parse(SseLimits limits, String initialLastEventId, byte[] stream) {
        if (recording != null) {
            recording.assertExhausted();
        }
        recording = Replay.parse(limits, initialLastEventId, stream);
        return recording;
    }

    @Test
    void validCharactersSplitAtEveryBoundary() {
        // 1-, 2-, 3- and 4-byte characters, and a 4-byte one as the last bytes of the line.
        String data = "a\u00e9\u20ac\uD83D\uDE00z\u0800\uFFFF\uDBFF\uDFFF";
        byte[] stream =
                utf8("event: \u00e9t\u00e9\n", "id: \u20ac1\n", ": \uD83D\uDE00\n", "data: " + data + "\n", "\n");
        for (int first = 1; first < stream.length; first++) {
            for (int second = first; second < stream.length; second++) {
                Replay.Run run = Replay.run(SseLimits.DEFAULTS, stream, List.of(first, second - first));
                assertThat(run.calls())
                        .as("split at %d and %d", first, second)
                        .containsExactly(
                                new Recorder.Comment(" \uD83D\uDE00"),
                                new Recorder.Event(new SseEvent("\u00e9t\u00e9", data, "\u20ac1", SseEvent.NO_RETRY)));
            }
        }
    }

    static Stream<Arguments> maximalSubparts() {
        return Stream.of(
                // Encoded surrogates: the JDK gives one U+FFFD for each of these.
                Arguments.of(bytes(0xED, 0xA0, 0x80), R + R + R),
                Arguments.of(bytes(0xED, 0xBF, 0xBF), R + R + R),
                Arguments.of(bytes(0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80), R.repeat(6)),
                // Overlongs.
                Arguments.of(bytes(0xC0, 0x80), R + R),
                Arguments.of(bytes(0xC0, 0xAF), R + R),
                Arguments.of(bytes(0xC1, 0xBF), R + R),
                Arguments.of(bytes(0xE0, 0x80, 0xAF), R + R + R),
                Arguments.of(bytes(0xE0, 0x9F, 0xBF), R + R + R),
                Arguments.of(bytes(0xF0, 0x80, 0x80, 0xAF), R.repeat(4)),
                Arguments.of(bytes(0xF0, 0x8F, 0xBF, 0xBF), R.repeat(4)),
                // Five- and six-byte forms, and beyond U+10FFFF.
                Arguments.of(bytes(0xF8, 0x88, 0x80, 0x80, 0x80), R.repeat(5)),
                Arguments.of(bytes(0xFC, 0x84, 0x80, 0x80, 0x80, 0x80), R.repeat(6)),
                Arguments.of(bytes(0xF4, 0x90, 0x80, 0x80), R.repeat(4)),
                Arguments.of(bytes(0xF5, 0x80, 0x80, 0x80), R.repeat(4)),
                // Bytes that never appear in UTF-8, and lone continuation bytes.
                Arguments.of(bytes(0xFE, 0xFF), R + R),
                Arguments.of(bytes(0x80), R),
                Arguments.of(bytes(0x80, 0xBF, 0x80), R + R + R),
                // A truncated sequence is one U+FFFD, and the byte that ends it is read again.
                Arguments.of(bytes(0xE2, 0x82, "A"), R + "A"),
                Arguments.of(bytes(0xF0, 0x90, 0x80, "A"), R + "A"),
                Arguments.of(bytes(0xC3, 0xC3, 0xA9), R + "\u00e9"),
                Arguments.of(bytes(0xE2, 0x82, 0xE2, 0x82, 0xAC), R + "\u20ac"),
                // Truncated at the end of the line.
                Arguments.of(bytes(0xC3), R),
                Arguments.of(bytes(0xE2, 0x82), R),
                Arguments.of(bytes(0xF0, 0x90, 0x80), R),
                Arguments.of(bytes("a", 0xF4, 0x8F, 0xBF), "a" + R),
                // The example of Unicode 3.9, table 3-11's neighbourhood.
                Arguments.of(
                        bytes(0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64),
                        "a" + R + R + R + "b" + R + "c" + R + R + "d"),
                // The edges of the valid ranges decode.
                Arguments.of(bytes(0xC2, 0x80, 0xDF, 0xBF), "\u0080\u07FF"),
                Arguments.of(bytes(0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80), "\u0800\uD7FF\uE000"),
                Arguments.of(bytes(0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF), "\uD800\uDC00\uDBFF\uDFFF"),
                // Valid text around invalid bytes is kept.
                Arguments.of(
                        bytes("\u00e9", 0xFF, "\u20ac", 0xED, 0xA0, 0x80, "\uD83D\uDE00"),
                        "\u00e9" + R + "\u20ac" + R + R + R + "\uD83D\uDE00"));
    }

    @ParameterizedTest
    @MethodSource("maximalSubparts")
    void maximalSubpartReplacementInData(byte[] value, String expected) {
        parse(bytes("data: ", value, "\n", "\n"));
        recording.assertMessage(expected);
    }

    @ParameterizedTest
    @MethodSource("maximalSubparts")
    void maximalSubpartReplacementInTypeIdAndComment(byte[] value, String expected) {
        parse(bytes(":", value, "\n", "event:", value, "\n", "id:", value, "\n", "data\n", "\n"));
        recording.assertComment(expected);
        recording.assertEvent(expected, "", expected);
    }

    @Test
    void truncatedSequenceEndsAtTheLineEnd() {
        parse(bytes("data: ", 0xF0, 0x90, 0x80, "\n", "data: ", 0x80, 0x80, "x\r", "data: ", 0xE2, "\r\n", "\n"));
        recording.assertMessage(R + "\n" + R + R + "x\n" + R);
    }

    @Test
    void invalidBytesInAFieldNameMakeAnUnknownField() {
        parse(bytes("dat", 0xE1, ": a\n", 0xC3, "data: b\n", "data", 0xFF, "\n", "\n"));
    }

    @Test
    void invalidBytesInRetryIgnoreIt() {
        parse(bytes("retry: 1", 0xB0, "\n", "retry: 2\n"));
        recording.assertRetry(2);
    }
}
