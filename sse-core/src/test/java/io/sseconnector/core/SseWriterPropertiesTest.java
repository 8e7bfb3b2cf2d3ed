package io.sseconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What {@link SseWriter} writes, {@link SseParser} reads back. */
class SseWriterPropertiesTest {
    @Property(tries = 2000)
    void writerThenParserGivesBackTheEvent(
            @ForAll("types") String type,
            @ForAll("texts") String data,
            @ForAll("ids") String id,
            @ForAll("retries") long retry,
            @ForAll("chunkSizes") List<Integer> sizes) {
        SseEvent event = new SseEvent(type, data, id, retry);
        Replay.Run run = Replay.run(SseLimits.DEFAULTS, SseWriter.encode(event), sizes);

        List<Recorder.Call> expected = new ArrayList<>();
        if (event.hasRetry()) {
            expected.add(new Recorder.Retry(retry));
        }
        String readType = type.isEmpty() ? SseEvent.DEFAULT_TYPE : type;
        expected.add(new Recorder.Event(new SseEvent(readType, normalizeLineEnds(data), id, retry)));
        assertThat(run.calls()).isEqualTo(expected);
        assertThat(run.lastEventIdAfterEnd()).isEqualTo(id);
    }

    @Property(tries = 500)
    void commentThenParserGivesBackEachLine(@ForAll("texts") String text) {
        Replay.Run run = Replay.run(SseLimits.DEFAULTS, SseWriter.comment(text), List.of());
        List<Recorder.Call> expected = new ArrayList<>();
        for (String line : normalizeLineEnds(text).split("\n", -1)) {
            expected.add(new Recorder.Comment(line));
        }
        assertThat(run.calls()).isEqualTo(expected);
    }

    @Property(tries = 500)
    void everyFormOfTheEncodingAgrees(
            @ForAll("types") String type, @ForAll("texts") String data, @ForAll("ids") String id) {
        SseEvent event = new SseEvent(type, data, id, SseEvent.NO_RETRY);
        byte[] bytes = SseWriter.encode(event);
        assertThat(SseWriter.encodedLength(event)).isEqualTo(bytes.length);

        StringBuilder text = new StringBuilder("before");
        SseWriter.encode(event, text);
        assertThat(text.substring("before".length()).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(bytes);

        ByteBuffer heap = ByteBuffer.allocate(bytes.length + 10).position(3).slice();
        SseWriter.encode(event, heap);
        assertThat(heap.flip()).isEqualTo(ByteBuffer.wrap(bytes));
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        SseWriter.encode(event, direct);
        assertThat(direct.flip()).isEqualTo(ByteBuffer.wrap(bytes));
    }

    /** The format joins data lines with LF, whatever ended them. */
    private static String normalizeLineEnds(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    @Provide
    Arbitrary<String> types() {
        return StreamArbitraries.textWithout("\r\n");
    }

    @Provide
    Arbitrary<String> texts() {
        return StreamArbitraries.text();
    }

    @Provide
    Arbitrary<String> ids() {
        return StreamArbitraries.textWithout("\r\n\u0000");
    }

    @Provide
    Arbitrary<Long> retries() {
        return Arbitraries.oneOf(
                Arbitraries.just(SseEvent.NO_RETRY), Arbitraries.longs().between(0, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return StreamArbitraries.chunkSizes();
    }
}
