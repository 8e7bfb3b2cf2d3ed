package io.sseconnector.core;

import static io.sseconnector.core.Bytes.utf8;
import static io.sseconnector.core.SseLimitExceededException.Limit.EVENT_SIZE;
import static io.sseconnector.core.SseLimitExceededException.Limit.LINE_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SseLimits}: lines and events past the limits fail the stream; up to them, they work. */
class SseParserLimitsTest {
    private Recording recording;

    @AfterEach
    void nothingUnconsumed() {
        if (recording != null) {
            recording.assertExhausted();
        }
    }

    private Recording parse(SseLimits limits, String... lines) {
        return parse(limits, "", utf8(lines));
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
    void lineLongerThanTheLimitFails() {
        parse(new SseLimits(10, 100), "data: 12345\n", "\n");
        recording.assertFailure(LINE_LENGTH);
    }

    @Test
    void lineExactlyAtTheLimitIsRead() {
        parse(new SseLimits(10, 100), "data: 1234\r\n", "\r\n");
        recording.assertMessage("1234");
    }

    @Test
    void lineLimitCountsBytesNotChars() {
        parse(new SseLimits(10, 100), "data: \u20ac\n", "data: \u20ac\u00e9\n", "\n");
        recording.assertFailure(LINE_LENGTH);
    }

    @Test
    void lineLimitAppliesToEveryLine() {
        parse(new SseLimits(5, 100), ": 123\n", ":12345\n", "\n");
        recording.assertComment(" 123");
        recording.assertFailure(LINE_LENGTH);
        parse(new SseLimits(5, 100), "unknown\n");
        recording.assertFailure(LINE_LENGTH);
    }

    @Test
    void unfinishedLineFailsAsSoonAsItPassesTheLimit() {
        // No line end ever comes: memory must still stay bounded.
        parse(new SseLimits(10, 100), "data: a\n", "\n", "data: 12345");
        recording.assertMessage("a");
        recording.assertFailure(LINE_LENGTH);
    }

    @Test
    void eventLargerThanTheLimitFails() {
        // The data buffer holds each value and its LF: 5 + 5 + 1 > 10.
        parse(new SseLimits(100, 10), "data: 1234\n", "data: 1234\n", "data:\n", "\n");
        recording.assertFailure(EVENT_SIZE);
    }

    @Test
    void eventExactlyAtTheLimitIsRead() {
        parse(new SseLimits(100, 10), "data: 1234\n", "data: 1234\n", "\n", "data: 123456789\n", "\n");
        recording.assertMessage("1234\n1234");
        recording.assertMessage("123456789");
    }

    @Test
    void eventLimitCountsEachEventSeparately() {
        parse(new SseLimits(100, 4), "data: abc\n", "\n", "data: abc\n", "\n", "data: abcd\n", "\n");
        recording.assertMessage("abc");
        recording.assertMessage("abc");
        recording.assertFailure(EVENT_SIZE);
    }

    @Test
    void callsBeforeTheFailureAreDelivered() {
        parse(new SseLimits(100, 8), "retry: 5\n", ": c\n", "data: ok\n", "\n", "data: 12345678\n", "\n");
        recording.assertRetry(5);
        recording.assertComment(" c");
        recording.assertEvent(new SseEvent("message", "ok", "", 5));
        recording.assertFailure(EVENT_SIZE);
    }

    @Test
    void failureNamesTheLimitAndTheSetting() {
        SseParser parser = new SseParser(new Recorder(), new SseLimits(10, 100), "");
        assertThatThrownBy(() -> parser.feed(utf8("data: 12345\n")))
                .isInstanceOfSatisfying(SseLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(LINE_LENGTH);
                    assertThat(e.maxBytes()).isEqualTo(10);
                })
                .hasMessageContaining("maxLineLength");
    }

    @Test
    void tenMebibyteLineFedOneByteAtATimeCompletes() {
        // A parser that scans its pending bytes again for each chunk takes ~5e13 steps here.
        int size = 10 * SseLimits.MIB;
        byte[] stream = new byte[6 + size + 2];
        System.arraycopy(utf8("data: "), 0, stream, 0, 6);
        Arrays.fill(stream, 6, 6 + size, (byte) 'x');
        stream[stream.length - 2] = '\n';
        stream[stream.length - 1] = '\n';
        Recorder recorder = new Recorder();
        SseParser parser = new SseParser(recorder, new SseLimits(16 * SseLimits.MIB, 16 * SseLimits.MIB), "");
        for (int i = 0; i < stream.length; i++) {
            parser.feed(stream, i, 1);
        }
        assertThat(recorder.calls).hasSize(1);
        assertThat(((Recorder.Event) recorder.calls.get(0)).event().data()).hasSize(size);
    }
}
