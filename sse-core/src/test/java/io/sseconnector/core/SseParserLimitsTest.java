package io.sseconnector.core;

import static io.sseconnector.core.Bytes.utf8;
import static io.sseconnector.core.SkippedEvent.Limit.MAX_EVENT_SIZE;
import static io.sseconnector.core.SkippedEvent.Limit.MAX_LINE_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SseLimits}: a block past a limit is skipped and reported once at its blank line, the
 * stream goes on; up to the limits, everything is read. Every case is parsed in many chunkings.
 */
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
    void lineLongerThanTheLimitSkipsItsEventAndTheStreamGoesOn() {
        // dataBytes counts the value and its LF: 5 + 1.
        parse(new SseLimits(10, 100), "data: a\n", "\n", "data: 12345\n", "\n", "data: b\n", "\n");
        recording.assertMessage("a");
        recording.assertSkipped(6, MAX_LINE_LENGTH);
        recording.assertMessage("b");
    }

    @Test
    void lineExactlyAtTheLimitIsRead() {
        parse(new SseLimits(10, 100), "data: 1234\r\n", "\r\n");
        recording.assertMessage("1234");
    }

    @Test
    void lineLimitCountsBytesNotChars() {
        parse(new SseLimits(10, 100), "data: \u20ac\n", "data: \u20ac\u00e9\n", "\n");
        recording.assertSkipped(4 + 6, MAX_LINE_LENGTH);
    }

    @Test
    void everyDataLineOfASkippedBlockIsCountedNoneIsKept() {
        // The short lines before and after the long one are counted too: 2 + 12 + 2 + 1.
        parse(new SseLimits(10, 100), "data: a\n", "data: 12345678901\n", "data: b\n", "data\n", "\n");
        recording.assertSkipped(17, MAX_LINE_LENGTH);
    }

    @Test
    void overlongCommentUnknownFieldAndRetryAreDroppedAlone() {
        parse(new SseLimits(7, 100), ": 123\n", ":1234567\n", "unknownx\n", "retry: 100000\n", "data: x\n", "\n");
        recording.assertComment(" 123");
        recording.assertMessage("x");
    }

    @Test
    void idAndTypeOfASkippedBlockApplyAsUsual() {
        parse(new SseLimits(100, 8), "event: big\n", "id: 7\n", "data: 12345678\n", "\n", "data: next\n", "\n");
        recording.assertSkipped(new SkippedEvent("big", "7", 9, MAX_EVENT_SIZE));
        recording.assertEvent("message", "next", "7");
        assertThat(recording.lastEventId()).isEqualTo("7");
    }

    @Test
    void fieldsAfterTheLimitWasCrossedStillApply() {
        parse(new SseLimits(100, 8), "data: 12345678\n", "event: late\n", "id: 9\n", "retry: 50\n", "\n");
        recording.assertRetry(50);
        recording.assertSkipped(new SkippedEvent("late", "9", 9, MAX_EVENT_SIZE));
    }

    @Test
    void overlongIdIsIgnoredAndSkipsItsBlock() {
        parse(new SseLimits(10, 100), "id: 1\n", "data: a\n", "\n", "id: 1234567890\n", "data: b\n", "\n");
        recording.assertEvent("message", "a", "1");
        recording.assertSkipped(new SkippedEvent("message", "1", 2, MAX_LINE_LENGTH));
        assertThat(recording.lastEventId()).isEqualTo("1");
    }

    @Test
    void overlongEventTypeIsReportedEmpty() {
        parse(new SseLimits(10, 100), "event: 12345678\n", "data: a\n", "\n");
        recording.assertSkipped(new SkippedEvent("", "", 2, MAX_LINE_LENGTH));
        // A later event line of the block names the type again.
        parse(new SseLimits(10, 100), "event: 12345678\n", "event: T\n", "data: a\n", "\n");
        recording.assertSkipped(new SkippedEvent("T", "", 2, MAX_LINE_LENGTH));
    }

    @Test
    void blockWithoutDataIsReportedWhenAnOverlongFieldSkippedIt() {
        parse(new SseLimits(10, 100), "id: 5\n", "\n", "event: 12345678\n", "id: 6\n", "\n");
        recording.assertSkipped(new SkippedEvent("", "6", 0, MAX_LINE_LENGTH));
        assertThat(recording.lastEventId()).isEqualTo("6");
    }

    @Test
    void firstLimitCrossedIsReported() {
        parse(new SseLimits(12, 8), "data: 1234\n", "data: 1234\n", "data: 12345678\n", "\n");
        recording.assertSkipped(5 + 5 + 9, MAX_EVENT_SIZE);
        parse(new SseLimits(12, 8), "data: 12345678901\n", "data: 1\n", "\n");
        recording.assertSkipped(12 + 2, MAX_LINE_LENGTH);
    }

    @Test
    void unfinishedSkippedBlockIsDroppedAtTheEndWithItsId() {
        parse(new SseLimits(10, 100), "id: 1\n", "data: a\n", "\n", "id: 2\n", "data: 12345678");
        recording.assertEvent("message", "a", "1");
        assertThat(recording.lastEventIdAfterEnd()).isEqualTo("1");
        parse(new SseLimits(100, 4), "id: 2\n", "data: 1234\n");
        assertThat(recording.lastEventIdAfterEnd()).isEmpty();
    }

    @Test
    void tinyLimitsStillTellTheFieldNames() {
        // With a limit below the name's length, the name is read from the bytes seen anyway.
        parse(new SseLimits(2, 100), "data\n", "\n", "id:\n", "\n", "event\n", "\n", "a:x\n", "\n", "id\n", "\n");
        recording.assertSkipped(1, MAX_LINE_LENGTH);
        recording.assertSkipped(new SkippedEvent("message", "", 0, MAX_LINE_LENGTH));
        recording.assertSkipped(new SkippedEvent("", "", 0, MAX_LINE_LENGTH));
    }

    @Test
    void eventLargerThanTheLimitIsSkipped() {
        // The data buffer holds each value and its LF: 5 + 5 + 1 > 10.
        parse(new SseLimits(100, 10), "data: 1234\n", "data: 1234\n", "data:\n", "\n");
        recording.assertSkipped(11, MAX_EVENT_SIZE);
    }

    @Test
    void eventExactlyAtTheLimitIsRead() {
        parse(new SseLimits(100, 10), "data: 1234\n", "data: 1234\n", "\n", "data: 123456789\n", "\n");
        recording.assertMessage("1234\n1234");
        recording.assertMessage("123456789");
    }

    @Test
    void eventLimitCountsEachEventSeparately() {
        parse(
                new SseLimits(100, 4),
                "data: abc\n",
                "\n",
                "data: abc\n",
                "\n",
                "data: abcd\n",
                "\n",
                "data: ab\n",
                "\n");
        recording.assertMessage("abc");
        recording.assertMessage("abc");
        recording.assertSkipped(5, MAX_EVENT_SIZE);
        recording.assertMessage("ab");
    }

    @Test
    void callsAroundASkippedBlockAreDeliveredInOrder() {
        parse(
                new SseLimits(100, 8),
                "retry: 5\n",
                ": c\n",
                "data: ok\n",
                "\n",
                "data: 12345678\n",
                ": inside\n",
                "\n",
                "data: after\n",
                "\n");
        recording.assertRetry(5);
        recording.assertComment(" c");
        recording.assertEvent(new SseEvent("message", "ok", "", 5));
        recording.assertComment(" inside");
        recording.assertSkipped(9, MAX_EVENT_SIZE);
        recording.assertMessage("after");
    }

    @Test
    void skippedEventsAmidNormalOnesInEveryChunking() {
        // A block past the line limit (one 20 KiB line) and one past the event limit (20 lines
        // of 1 KiB, each within the line limit): the events around them arrive exactly, however
        // the bytes are cut.
        String line = "x".repeat(1018);
        parse(
                new SseLimits(1024, 4096),
                "",
                utf8(
                        "id: 1\n",
                        "data: one\n",
                        "\n",
                        "id: 2\n",
                        "event: big\n",
                        "data: " + "y".repeat(20 * 1024) + "\n",
                        "\n",
                        "id: 3\n",
                        "data: three\n",
                        "\n",
                        "id: 4\n",
                        ("data: " + line + "\n").repeat(20),
                        "\n",
                        "id: 5\n",
                        "data: five\n",
                        "\n"));
        recording.assertEvent("message", "one", "1");
        recording.assertSkipped(new SkippedEvent("big", "2", 20 * 1024 + 1, MAX_LINE_LENGTH));
        recording.assertEvent("message", "three", "3");
        recording.assertSkipped(new SkippedEvent("message", "4", 20 * 1019, MAX_EVENT_SIZE));
        recording.assertEvent("message", "five", "5");
    }

    @Test
    void fiveMebibyteEventsWithTheDefaultLimits() {
        // One 5 MiB data line, then the same size as 5,120 lines of 1 KiB.
        String line = "x".repeat(1023);
        byte[] stream = utf8(
                "id: 1\n",
                "data: one\n",
                "\n",
                "id: 2\n",
                "data: " + "y".repeat(5 * SseLimits.MIB) + "\n",
                "\n",
                "id: 3\n",
                ("data: " + line + "\n").repeat(5 * 1024),
                "\n",
                "id: 4\n",
                "data: four\n",
                "\n");
        List<Recorder.Call> expected = List.of(
                new Recorder.Event(new SseEvent("message", "one", "1", SseEvent.NO_RETRY)),
                new Recorder.Skipped(new SkippedEvent("message", "2", 5L * SseLimits.MIB + 1, MAX_LINE_LENGTH)),
                new Recorder.Skipped(new SkippedEvent("message", "3", 5L * SseLimits.MIB, MAX_EVENT_SIZE)),
                new Recorder.Event(new SseEvent("message", "four", "4", SseEvent.NO_RETRY)));
        for (int chunk : new int[] {stream.length, 65_536, 8191, 1000, 3}) {
            List<Integer> sizes = Collections.nCopies(stream.length / chunk + 1, chunk);
            assertThat(Replay.run(SseLimits.DEFAULTS, stream, sizes).calls())
                    .as("chunks of %d", chunk)
                    .isEqualTo(expected);
        }
    }

    @Test
    void buffersStayBoundedWhileABlockIsSkipped() {
        // 5 MiB of one line, and of many lines, against 1 KiB and 4 KiB limits: after every chunk,
        // the parser holds no more than its limits, whatever the chunk size.
        SseLimits limits = new SseLimits(1024, 4096);
        byte[] oneLine = utf8("data: " + "y".repeat(5 * SseLimits.MIB) + "\n", "\n", "data: after\n", "\n");
        byte[] manyLines = utf8(("data: " + "z".repeat(1000) + "\n").repeat(5 * 1024), "\n", "data: after\n", "\n");
        for (byte[] stream : new byte[][] {oneLine, manyLines}) {
            for (int chunk : new int[] {1, 7, 1000, 1025, 4097, 65536, stream.length}) {
                Recorder recorder = new Recorder();
                SseParser parser = new SseParser(recorder, limits, "");
                int most = 0;
                for (int at = 0; at < stream.length; at += chunk) {
                    parser.feed(stream, at, Math.min(chunk, stream.length - at));
                    most = Math.max(most, parser.bufferedCapacity());
                }
                assertThat(most).as("chunks of %d", chunk).isLessThanOrEqualTo(1024 + 4096);
                assertThat(recorder.calls).as("chunks of %d", chunk).hasSize(2);
                assertThat(recorder.calls.get(0)).isInstanceOf(Recorder.Skipped.class);
                assertThat(recorder.calls.get(1)).isEqualTo(new Recorder.Event(SseEvent.of("after")));
            }
        }
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
        for (SseLimits limits :
                new SseLimits[] {new SseLimits(16 * SseLimits.MIB, 16 * SseLimits.MIB), SseLimits.DEFAULTS}) {
            Recorder recorder = new Recorder();
            SseParser parser = new SseParser(recorder, limits, "");
            for (int i = 0; i < stream.length; i++) {
                parser.feed(stream, i, 1);
            }
            assertThat(recorder.calls).hasSize(1);
            if (limits == SseLimits.DEFAULTS) {
                assertThat(recorder.calls.get(0))
                        .isEqualTo(new Recorder.Skipped(new SkippedEvent("message", "", size + 1L, MAX_LINE_LENGTH)));
            } else {
                assertThat(((Recorder.Event) recorder.calls.get(0)).event().data())
                        .hasSize(size);
            }
        }
    }
}
