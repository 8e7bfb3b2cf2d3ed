package io.sseconnector.core;

import static io.sseconnector.core.Bytes.bytes;
import static io.sseconnector.core.SkippedEvent.Limit.MAX_LINE_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines that span chunks: a chunk that only continues the line takes a shorter way than one that
 * ends it. Lines of many lengths, cut into equal chunks of every small size, each line end form,
 * a non-ASCII character anywhere in the line, and the line limit reached on a continued line (the
 * block is then skipped).
 */
class SseParserContinuedLineTest {
    private static final List<String> LINE_ENDS = List.of("\n", "\r", "\r\n");

    @Test
    void longDataLinesInChunksOfEverySmallSize() {
        for (int length : List.of(0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 130, 300)) {
            String value = value(length);
            for (String end : LINE_ENDS) {
                byte[] stream = bytes("data: ", value, end, "id: 1", end, end, "data: x", end, end);
                List<Recorder.Call> expected = List.of(
                        new Recorder.Event(new SseEvent("message", value, "1", SseEvent.NO_RETRY)),
                        new Recorder.Event(new SseEvent("message", "x", "1", SseEvent.NO_RETRY)));
                for (int chunk = 1; chunk <= 70; chunk++) {
                    assertThat(Replay.run(SseLimits.DEFAULTS, stream, equal(chunk, stream.length))
                                    .calls())
                            .as("length %d, end %s, chunks of %d", length, end.replace("\r", "CR"), chunk)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Test
    void nonAsciiCharacterAnywhereInAContinuedLine() {
        // The ASCII note of a line is kept per piece: a non-ASCII character in any piece, the first
        // one included, must make the whole line decode as UTF-8.
        int length = 90;
        for (int at = 0; at < length; at += 3) {
            String value = value(at) + "\u00e9\u20ac" + value(length - at);
            byte[] stream = bytes("event: ", value, "\n", "data: ", value, "\r\n", "\n");
            for (int chunk : List.of(1, 5, 8, 13, 16, 24, 64)) {
                assertThat(Replay.run(SseLimits.DEFAULTS, stream, equal(chunk, stream.length))
                                .calls())
                        .as("at %d, chunks of %d", at, chunk)
                        .containsExactly(new Recorder.Event(new SseEvent(value, value, "", SseEvent.NO_RETRY)));
            }
        }
    }

    @Test
    void lineLimitOnAContinuedLine() {
        int limit = 100;
        SseLimits limits = new SseLimits(limit, 1000);
        for (int chunk = 1; chunk <= 40; chunk++) {
            // "data: " and the value fill the line exactly up to the limit: it is read.
            byte[] fits = bytes("data: ", value(limit - 6), "\n", "\n");
            assertThat(Replay.run(limits, fits, equal(chunk, fits.length)).calls())
                    .as("chunks of %d", chunk)
                    .containsExactly(new Recorder.Event(SseEvent.of(value(limit - 6))));
            // One byte more skips the block, wherever the chunks cut the line; the next is read.
            byte[] tooLong = bytes("data: ", value(limit - 5), "\n", "\n", "data: x\n", "\n");
            assertThat(Replay.run(limits, tooLong, equal(chunk, tooLong.length)).calls())
                    .as("chunks of %d", chunk)
                    .containsExactly(
                            new Recorder.Skipped(new SkippedEvent("message", "", limit - 4, MAX_LINE_LENGTH)),
                            new Recorder.Event(SseEvent.of("x")));
            // A line end that never comes: nothing is reported, and nothing is kept meanwhile.
            byte[] unfinished = bytes("data: ", value(limit - 5));
            assertThat(Replay.run(limits, unfinished, equal(chunk, unfinished.length))
                            .calls())
                    .as("chunks of %d", chunk)
                    .isEmpty();
        }
    }

    private static String value(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    private static List<Integer> equal(int chunk, int total) {
        List<Integer> sizes = new ArrayList<>(Collections.nCopies(total / chunk, chunk));
        if (total % chunk != 0) {
            sizes.add(total % chunk);
        }
        return sizes;
    }
}
