package io.sseconnector.core;

import static io.sseconnector.core.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What happens around the stream: reuse after {@code end()}, failures, buffers, arguments. */
class SseParserLifecycleTest {
    private final Recorder recorder = new Recorder();

    @Test
    void endStartsANewStreamAndKeepsLastEventId() {
        SseParser parser = new SseParser(recorder);
        parser.feed(utf8("\uFEFFid: 1\n", "data: a\n", "\n", "id: 2\n", "data: b\n"));
        parser.end();
        parser.feed(utf8("\uFEFFdata: c\n", "\n"));
        assertThat(recorder.calls)
                .containsExactly(
                        new Recorder.Event(new SseEvent("message", "a", "1", SseEvent.NO_RETRY)),
                        new Recorder.Event(new SseEvent("message", "c", "1", SseEvent.NO_RETRY)));
        assertThat(parser.lastEventId()).isEqualTo("1");
    }

    @Test
    void endForgetsAPendingCrAndAPartialLine() {
        SseParser parser = new SseParser(recorder);
        parser.feed(utf8("data: a\n", "\n", "data: b\r"));
        parser.end();
        parser.feed(utf8("\ndata: c\n", "\n")); // the LF is a blank line of the new stream
        parser.feed(utf8("data: d"));
        parser.end();
        parser.feed(utf8("\n"));
        assertThat(recorder.calls)
                .containsExactly(new Recorder.Event(SseEvent.of("a")), new Recorder.Event(SseEvent.of("c")));
    }

    @Test
    void handlerExceptionFromOnSkippedEndsTheStreamUntilEnd() {
        RuntimeException boom = new RuntimeException("boom");
        SseParser parser = new SseParser(
                new SseHandler() {
                    @Override
                    public void onEvent(SseEvent event) {
                        recorder.onEvent(event);
                    }

                    @Override
                    public void onSkipped(SkippedEvent skipped) {
                        throw boom;
                    }
                },
                new SseLimits(8, 8),
                "");
        assertThatThrownBy(() -> parser.feed(utf8("data: too long\n", "\n"))).isSameAs(boom);
        assertThatThrownBy(() -> parser.feed(utf8("\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("end()");
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(utf8("\n")))).isInstanceOf(IllegalStateException.class);
        parser.end();
        parser.feed(utf8("data: ok\n", "\n"));
        assertThat(recorder.calls).containsExactly(new Recorder.Event(SseEvent.of("ok")));
    }

    @Test
    void handlerExceptionPropagatesAndEndsTheStream() {
        RuntimeException boom = new RuntimeException("boom");
        SseParser parser = new SseParser(event -> {
            throw boom;
        });
        assertThatThrownBy(() -> parser.feed(utf8("data: a\n", "\n", "data: b\n", "\n")))
                .isSameAs(boom);
        assertThatThrownBy(() -> parser.feed(utf8("\n"))).isInstanceOf(IllegalStateException.class);
        assertThat(parser.lastEventId()).isEmpty();
    }

    @Test
    void parserKeepsNoReferenceToTheCallersArray() {
        SseParser parser = new SseParser(recorder);
        byte[] chunk = utf8("data: a\n");
        parser.feed(chunk);
        chunk[6] = 'X';
        parser.feed(utf8("\n"));
        byte[] partial = utf8("data: hel");
        parser.feed(partial);
        partial[6] = 'X';
        // The data line completes in this chunk; a comment line then starts and reuses the
        // parser's line buffer before the blank line arrives.
        parser.feed(utf8("lo\n", ": comm"));
        parser.feed(utf8("ent\n", "\n"));
        assertThat(recorder.calls)
                .containsExactly(
                        new Recorder.Event(SseEvent.of("a")),
                        new Recorder.Comment(" comment"),
                        new Recorder.Event(SseEvent.of("hello")));
    }

    @Test
    void feedByteBufferConsumesTheRemainingBytes() {
        SseParser parser = new SseParser(recorder);
        ByteBuffer heap = ByteBuffer.wrap(utf8("xxdata: a\n", "\nyy"), 2, 9);
        parser.feed(heap);
        assertThat(heap.position()).isEqualTo(11);
        ByteBuffer readOnly = ByteBuffer.wrap(utf8("data: b\n", "\n")).asReadOnlyBuffer();
        parser.feed(readOnly);
        assertThat(readOnly.hasRemaining()).isFalse();
        byte[] big = utf8("data: " + "c".repeat(20_000) + "\n", "\n");
        ByteBuffer direct = ByteBuffer.allocateDirect(big.length).put(big).flip();
        parser.feed(direct);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(recorder.calls)
                .containsExactly(
                        new Recorder.Event(SseEvent.of("a")),
                        new Recorder.Event(SseEvent.of("b")),
                        new Recorder.Event(SseEvent.of("c".repeat(20_000))));
    }

    @Test
    void emptyFeedsChangeNothing() {
        SseParser parser = new SseParser(recorder);
        parser.feed(utf8("data: a\r"));
        parser.feed(new byte[0]);
        parser.feed(ByteBuffer.allocate(0));
        parser.feed(utf8("\n"));
        parser.feed(new byte[0], 0, 0);
        parser.feed(utf8("\n"));
        assertThat(recorder.calls).containsExactly(new Recorder.Event(SseEvent.of("a")));
    }

    @Test
    void invalidArgumentsRejected() {
        assertThatThrownBy(() -> new SseParser(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SseParser(recorder, null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SseParser(recorder, SseLimits.DEFAULTS, null))
                .isInstanceOf(NullPointerException.class);
        SseParser parser = new SseParser(recorder);
        assertThatThrownBy(() -> parser.feed(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> parser.feed(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        parser.feed(utf8("data: a\n", "\n")); // still usable: nothing was consumed
        assertThat(recorder.calls).isEqualTo(List.of(new Recorder.Event(SseEvent.of("a"))));
    }
}
