package io.sseconnector.benchmarks.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseHandler;
import io.sseconnector.core.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamKindTest {

    @Test
    void cameraStreamHasTheSeedsEventMix() {
        List<SseEvent> events = parse(StreamKind.CAMERA.generate(10_000, 1));

        assertThat(events).hasSize(10_000);
        assertThat(share(events, "ALERT_DLQC")).isBetween(0.52, 0.58);
        assertThat(share(events, "ALERT")).isBetween(0.18, 0.22);
        assertThat(share(events, "HEARTBEAT")).isBetween(0.13, 0.17);
        assertThat(share(events, "ANALYTICS_ENABLED") + share(events, "ANALYTICS_DISABLED"))
                .isBetween(0.08, 0.12);
        SseEvent dlqc = events.stream()
                .filter(e -> e.type().equals("ALERT_DLQC"))
                .findFirst()
                .orElseThrow();
        assertThat(dlqc.data())
                .startsWith("{\"type\":\"ALERT_DLQC\",\"timestamp\":")
                .contains("\"leak_location\":{\"longitude\":", "\"unit\":\"g/s\"", "\"temperature_unit\":\"F\"")
                .endsWith("}");
        assertThat(events.get(9_999).lastEventId()).isEqualTo("10000");
    }

    @Test
    void sameSeedSameBytes() {
        assertThat(StreamKind.CAMERA.generate(500, 9).bytes())
                .isEqualTo(StreamKind.CAMERA.generate(500, 9).bytes());
    }

    @Test
    void tinyEventsAreAboutFiftyBytes() {
        EncodedStream tiny = StreamKind.TINY.generate(100_000, 1);

        assertThat(tiny.bytesPerEvent()).isBetween(45.0, 55.0);
        assertThat(parse(tiny)).hasSize(100_000);
    }

    @Test
    void largeEventsStayInsideTheDefaultLimits() {
        EncodedStream large = StreamKind.MIB.generate(3, 1);
        List<SseEvent> events = parse(large);

        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(e -> assertThat(e.data()).hasSize(LargeEvents.DATA_LENGTH));
    }

    @Test
    void dataLengthIsTheSumOverEvents() {
        EncodedStream s = StreamKind.CAMERA.generate(1000, 3);

        assertThat(parse(s).stream().mapToLong(e -> e.data().length()).sum()).isEqualTo(s.dataLength());
    }

    @Test
    void chunkedBodyHasOneChunkPerEvent() {
        EncodedStream s = StreamKind.TINY.generate(2, 1);
        String chunked = new String(s.chunkedPerEvent(), StandardCharsets.US_ASCII);
        String first = new String(s.bytes(), 0, s.eventEnds()[0], StandardCharsets.US_ASCII);

        assertThat(chunked).startsWith(Integer.toHexString(first.length()) + "\r\n" + first + "\r\n");
        assertThat(chunked.split("\r\n")).hasSize(4);
    }

    private static double share(List<SseEvent> events, String type) {
        return (double) events.stream().filter(e -> e.type().equals(type)).count() / events.size();
    }

    private static List<SseEvent> parse(EncodedStream stream) {
        List<SseEvent> events = new ArrayList<>();
        SseHandler handler = events::add;
        SseParser parser = new SseParser(handler);
        parser.feed(stream.bytes());
        parser.end();
        return events;
    }
}
