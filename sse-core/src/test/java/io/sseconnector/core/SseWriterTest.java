package io.sseconnector.core;

import static io.sseconnector.core.Bytes.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseWriterTest {
    private static String encode(SseEvent event) {
        return new String(SseWriter.encode(event), UTF_8);
    }

    private static List<Recorder.Call> parse(byte[] stream) {
        return Replay.parse(stream).run().calls();
    }

    @Test
    void writesEveryField() {
        assertThat(encode(new SseEvent("update", "a", "42", 3000)))
                .isEqualTo("event: update\n" + "id: 42\n" + "retry: 3000\n" + "data: a\n" + "\n");
    }

    @Test
    void defaultTypeAndEmptyIdAndNoRetryAreOmitted() {
        assertThat(encode(SseEvent.of("a"))).isEqualTo("data: a\n" + "\n");
        assertThat(encode(SseEvent.of("", "a"))).isEqualTo("data: a\n" + "\n");
    }

    @Test
    void dataSplitOnCrLfAndCrLf() {
        assertThat(encode(SseEvent.of("a\rb\nc\r\nd")))
                .isEqualTo("data: a\n" + "data: b\n" + "data: c\n" + "data: d\n" + "\n");
        assertThat(encode(SseEvent.of("a\n\rb"))).isEqualTo("data: a\n" + "data:\n" + "data: b\n" + "\n");
    }

    @Test
    void emptyDataIsOneDataLineAndReadsBackAsEmptyData() {
        byte[] bytes = SseWriter.encode(SseEvent.of(""));
        assertThat(new String(bytes, UTF_8)).isEqualTo("data:\n" + "\n");
        assertThat(parse(bytes)).containsExactly(new Recorder.Event(SseEvent.of("")));
    }

    @Test
    void trailingLineBreakGivesAnEmptyLastLine() {
        assertThat(encode(SseEvent.of("a\n"))).isEqualTo("data: a\n" + "data:\n" + "\n");
        assertThat(parse(SseWriter.encode(SseEvent.of("a\r\n"))))
                .containsExactly(new Recorder.Event(SseEvent.of("a\n")));
    }

    @Test
    void valuesStartingWithSpacesReadBackUnchanged() {
        SseEvent event = new SseEvent("  t", " a\n  b", " 1", SseEvent.NO_RETRY);
        byte[] bytes = SseWriter.encode(event);
        assertThat(new String(bytes, UTF_8))
                .isEqualTo("event:   t\n" + "id:  1\n" + "data:  a\n" + "data:   b\n" + "\n");
        assertThat(parse(bytes)).containsExactly(new Recorder.Event(event));
    }

    @Test
    void writesUtf8() {
        assertThat(SseWriter.encode(new SseEvent("\u00e9", "\u20ac\uD83D\uDE00", "\u4e2d", SseEvent.NO_RETRY)))
                .isEqualTo(bytes("event: \u00e9\n", "id: \u4e2d\n", "data: \u20ac\uD83D\uDE00\n", "\n"));
    }

    @Test
    void loneSurrogateWrittenAsReplacementCharacter() {
        assertThat(SseWriter.encode(SseEvent.of("a\uD83Db\uDE00")))
                .isEqualTo(bytes("data: a", 0xEF, 0xBF, 0xBD, "b", 0xEF, 0xBF, 0xBD, "\n\n"));
    }

    @Test
    void typeWithCrOrLfRejected() {
        assertThatThrownBy(() -> SseWriter.encode(SseEvent.of("a\rb", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event type");
        assertThatThrownBy(() -> SseWriter.encode(SseEvent.of("a\n", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idWithCrLfOrNulRejected() {
        for (String id : List.of("1\r", "\n1", "1\u00002")) {
            assertThatThrownBy(() -> SseWriter.encode(new SseEvent("message", "x", id, SseEvent.NO_RETRY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("id");
        }
    }

    @Test
    void typeWithNulIsWritten() {
        SseEvent event = SseEvent.of("a\u0000b", "x");
        assertThat(parse(SseWriter.encode(event))).containsExactly(new Recorder.Event(event));
    }

    @Test
    void commentWritesTheTextAfterTheColon() {
        assertThat(new String(SseWriter.comment(" ping"), UTF_8)).isEqualTo(": ping\n");
        assertThat(new String(SseWriter.comment(""), UTF_8)).isEqualTo(":\n");
        assertThat(new String(SseWriter.comment("a\nb\r\nc\r"), UTF_8)).isEqualTo(":a\n" + ":b\n" + ":c\n" + ":\n");
        assertThat(parse(SseWriter.comment(" a\n b")))
                .containsExactly(new Recorder.Comment(" a"), new Recorder.Comment(" b"));
    }

    @Test
    void retryIsABlockOfItsOwn() {
        assertThat(new String(SseWriter.retry(3000), UTF_8)).isEqualTo("retry: 3000\n" + "\n");
        byte[] stream = bytes(SseWriter.retry(5), SseWriter.encode(SseEvent.of("a")));
        assertThat(parse(stream)).containsExactly(new Recorder.Retry(5), new Recorder.Event(SseEvent.of("a")));
        assertThatThrownBy(() -> SseWriter.retry(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodedLengthIsTheNumberOfBytes() {
        SseEvent event = new SseEvent("t", "\u20ac\n\uD83D\uDE00", "1", 7);
        assertThat(SseWriter.encodedLength(event)).isEqualTo(SseWriter.encode(event).length);
    }

    @Test
    void byteBufferGetsTheBytesAtItsPosition() {
        SseEvent event = SseEvent.of("t", "\u20ac");
        byte[] expected = SseWriter.encode(event);
        ByteBuffer heap = ByteBuffer.allocate(64).position(5);
        SseWriter.encode(event, heap);
        assertThat(heap.position()).isEqualTo(5 + expected.length);
        assertThat(heap.flip().position(5).slice()).isEqualTo(ByteBuffer.wrap(expected));

        ByteBuffer direct = ByteBuffer.allocateDirect(64);
        SseWriter.encode(event, direct);
        assertThat(direct.flip()).isEqualTo(ByteBuffer.wrap(expected));
    }

    @Test
    void byteBufferTooSmallGetsNothing() {
        SseEvent event = SseEvent.of("abc");
        ByteBuffer small = ByteBuffer.allocate(SseWriter.encodedLength(event) - 1);
        assertThatThrownBy(() -> SseWriter.encode(event, small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
    }

    @Test
    void stringBuilderGetsTheText() {
        StringBuilder out = new StringBuilder("x");
        SseWriter.encode(new SseEvent("t", "a\r\nb", "1", SseEvent.NO_RETRY), out);
        assertThat(out).hasToString("x" + "event: t\n" + "id: 1\n" + "data: a\n" + "data: b\n" + "\n");
    }

    @Test
    void stringBuilderGetsNothingWhenTheEventIsRejected() {
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> SseWriter.encode(SseEvent.of("a\nb", "x"), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out).isEmpty();
    }
}
