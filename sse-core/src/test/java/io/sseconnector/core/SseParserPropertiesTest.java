package io.sseconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the parser over generated streams, chunkings and limits. */
class SseParserPropertiesTest {
    @Property(tries = 2000)
    void anySplitGivesTheSameCallsAsOneChunk(
            @ForAll("streams") byte[] stream,
            @ForAll("chunkSizes") List<Integer> sizes,
            @ForAll("limits") SseLimits limits) {
        Replay.Run whole = Replay.run(limits, stream, List.of(stream.length));
        assertThat(Replay.run(limits, stream, sizes)).isEqualTo(whole);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(
            @ForAll("streams") byte[] stream,
            @ForAll("chunkSizes") List<Integer> sizes,
            @ForAll("limits") SseLimits limits) {
        // Replay.run lets any exception out: a limit skips a block, it never fails the stream.
        Replay.Run run = Replay.run(limits, stream, sizes);
        for (Recorder.Call call : run.calls()) {
            if (call instanceof Recorder.Event event) {
                SseEvent e = event.event();
                assertThat(e.data()).doesNotContain("\r");
                assertThat(e.type()).isNotEmpty().doesNotContain("\r", "\n");
                assertThat(e.lastEventId()).doesNotContain("\r", "\n", "\u0000");
                assertWellFormed(e.data());
                assertWellFormed(e.type());
                assertThat(e.data().length()).isLessThan(limits.maxEventSize());
            } else if (call instanceof Recorder.Comment comment) {
                assertThat(comment.text()).doesNotContain("\r", "\n");
                assertWellFormed(comment.text());
            } else if (call instanceof Recorder.Retry retry) {
                assertThat(retry.millis()).isNotNegative();
            } else if (call instanceof Recorder.Skipped skipped) {
                SkippedEvent s = skipped.skipped();
                assertThat(s.type()).doesNotContain("\r", "\n");
                assertThat(s.lastEventId()).doesNotContain("\r", "\n", "\u0000");
                assertWellFormed(s.type());
                assertThat(s.dataBytes() > limits.maxEventSize() || s.limit() == SkippedEvent.Limit.MAX_LINE_LENGTH)
                        .as("a block skipped for its size is larger than maxEventSize: %s", s)
                        .isTrue();
            }
        }
    }

    @Property(tries = 1000)
    void aBlockOverMaxEventSizeIsSkippedAndNothingElseChanges(
            @ForAll("streams") byte[] stream, @ForAll @IntRange(min = 1, max = 40) int maxEventSize) {
        // Against the same stream read without a tight event limit: each event is either the same
        // or reported skipped in its place with its type and id; every other call is the same.
        List<Recorder.Call> loose =
                Replay.run(SseLimits.DEFAULTS, stream, List.of(stream.length)).calls();
        List<Recorder.Call> tight = Replay.run(
                        SseLimits.DEFAULTS.withMaxEventSize(maxEventSize), stream, List.of(stream.length))
                .calls();
        assertThat(tight).hasSameSizeAs(loose);
        for (int i = 0; i < loose.size(); i++) {
            Recorder.Call expected = loose.get(i);
            Recorder.Call actual = tight.get(i);
            if (expected instanceof Recorder.Event event && actual instanceof Recorder.Skipped skipped) {
                SseEvent e = event.event();
                assertThat(skipped.skipped().type()).isEqualTo(e.type());
                assertThat(skipped.skipped().lastEventId()).isEqualTo(e.lastEventId());
                assertThat(skipped.skipped().limit()).isEqualTo(SkippedEvent.Limit.MAX_EVENT_SIZE);
                assertThat(skipped.skipped().dataBytes()).isGreaterThan(maxEventSize);
            } else {
                assertThat(actual).as("call %d", i).isEqualTo(expected);
                if (actual instanceof Recorder.Event event) {
                    assertThat(event.event().data().length()).isLessThan(maxEventSize);
                }
            }
        }
    }

    /** No lone surrogate: the decoder only ever produces scalar values. */
    private static void assertWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                        .as("pair at %d of %s", i, s)
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c))
                        .as("lone low surrogate at %d", i)
                        .isFalse();
            }
        }
    }

    @Provide
    Arbitrary<byte[]> streams() {
        return StreamArbitraries.streams();
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return StreamArbitraries.chunkSizes();
    }

    @Provide
    Arbitrary<SseLimits> limits() {
        return StreamArbitraries.limits();
    }
}
