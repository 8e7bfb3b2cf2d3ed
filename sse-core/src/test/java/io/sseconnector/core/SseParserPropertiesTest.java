package io.sseconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
    void arbitraryBytesNeverThrowAnythingButTheLimitError(
            @ForAll("streams") byte[] stream,
            @ForAll("chunkSizes") List<Integer> sizes,
            @ForAll("limits") SseLimits limits) {
        // Replay.run lets any exception but SseLimitExceededException out.
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
