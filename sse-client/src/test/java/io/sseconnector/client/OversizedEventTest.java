package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An event past the parser's limits does not loop: against a device that replays from
 * Last-Event-ID on every reconnect, the client skips the event, says so once, and stays connected.
 */
class OversizedEventTest extends ClientTestSupport {
    private static final int FIVE_MIB = 5 * SseLimits.MIB;

    /** Events 1..10 with ids; event 2 is 5 MiB of data; served from after the request's Last-Event-ID. */
    private void serveReplayingDevice(String bigEvent) {
        server.setDispatcher(request -> {
            int after = lastEventId(request);
            ScriptedResponse response = ScriptedResponse.sse();
            for (int id = after + 1; id <= 10; id++) {
                String block = id == 2 ? bigEvent : "id: " + id + "\nevent: small\ndata: " + id + "\n\n";
                response = response.chunk(block.getBytes(StandardCharsets.UTF_8));
            }
            return response.thenHang();
        });
    }

    private static int lastEventId(RecordedRequest request) {
        String header = request.header("Last-Event-ID");
        return header == null || header.isEmpty() ? 0 : Integer.parseInt(header);
    }

    @Test
    void aFiveMebibyteLineIsSkippedOnceWithoutReconnecting() throws Exception {
        serveReplayingDevice("id: 2\nevent: big\ndata: " + "x".repeat(FIVE_MIB) + "\n\n");

        expectSkippedOnce(new SkippedEvent("big", "2", FIVE_MIB + 1L, SkippedEvent.Limit.MAX_LINE_LENGTH));
    }

    @Test
    void fiveMebibytesOfShortLinesAreSkippedOnceWithoutReconnecting() throws Exception {
        // 5,120 lines of 1,023 bytes and their LFs: 5 MiB of data, every line within the limit.
        String line = "data: " + "y".repeat(1023) + "\n";
        serveReplayingDevice("id: 2\nevent: big\n" + line.repeat(5 * 1024) + "\n");

        expectSkippedOnce(new SkippedEvent("big", "2", FIVE_MIB, SkippedEvent.Limit.MAX_EVENT_SIZE));
    }

    private void expectSkippedOnce(SkippedEvent expected) throws Exception {
        SseStream stream = open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent()).isEqualTo(new SseEvent("small", "1", "1", SseEvent.NO_RETRY));
        assertThat(recorder.next(StreamSignal.Skipped.class).skipped()).isEqualTo(expected);
        for (int id = 3; id <= 10; id++) {
            assertThat(recorder.nextEvent()).isEqualTo(new SseEvent("small", "" + id, "" + id, SseEvent.NO_RETRY));
        }
        // Off the event loop, the id is the one as of the last whole read: it may lag the signals briefly.
        await().atMost(Duration.ofSeconds(5)).until(() -> "10".equals(stream.lastEventId()));
        // Signals come in order: had the client reconnected, Retrying and Opened would sit here.
        stream.close();
        recorder.next(StreamSignal.Closed.class);
        assertThat(server.requestCount()).isEqualTo(1);
        SseStreamStats stats = stream.stats();
        assertThat(stats.opened()).isEqualTo(1);
        assertThat(stats.retries()).isZero();
        assertThat(stats.events()).isEqualTo(9);
        assertThat(stats.skipped()).isEqualTo(1);
    }

    @Test
    void aSkippedEventOfAFilteredTypeIsCountedNotSignalled() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("event: a\ndata: " + "x".repeat(100) + "\n\n")
                .chunk("event: b\ndata: " + "x".repeat(100) + "\n\n")
                .chunk("event: " + "c".repeat(100) + "\ndata: x\n\n")
                .chunk("event: a\ndata: ok\n\n")
                .thenHang());

        SseStream stream = open(
                config("/events").withEventTypes(Set.of("a")).withLimits(SseLimits.DEFAULTS.withMaxLineLength(64)));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.next(StreamSignal.Skipped.class).skipped().type()).isEqualTo("a");
        // The type of an overlong event line is unknown (""): it passes any filter.
        assertThat(recorder.next(StreamSignal.Skipped.class).skipped().type()).isEmpty();
        assertThat(recorder.nextEvent().data()).isEqualTo("ok");
        assertThat(stream.stats().skipped()).isEqualTo(3);
        assertThat(stream.stats().filtered()).isZero();
    }
}
