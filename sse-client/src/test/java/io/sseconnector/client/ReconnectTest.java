package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconnecting: backoff, Last-Event-ID across connections, idle timeout, retry field. */
class ReconnectTest extends ClientTestSupport {
    private static final SseClientConfig.Backoff DOUBLING =
            new SseClientConfig.Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(60), 0);

    @Test
    void endOfStreamReconnectsWithTheLastId() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id: 1\ndata: a\n\n"));
        server.enqueue(ScriptedResponse.sse().chunk("id: 2\ndata: b\n\n").thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().lastEventId()).isEqualTo("1");
        StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
        assertThat(retrying.reason()).contains("ended the stream");
        assertThat(retrying.cause()).isNull();
        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().lastEventId()).isEqualTo("2");
        assertThat(server.takeRequest().header("Last-Event-ID")).isNull();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("1");
    }

    @Test
    void theIdPersistsAcrossConnectionsWithoutIds() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id: 41\ndata: a\n\n"));
        server.enqueue(ScriptedResponse.sse().chunk("data: b\n\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        SseStream stream = open(config("/events").withLastEventId("40"));

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().lastEventId()).isEqualTo("41");
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("40");
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("41");
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("41");
        assertThat(stream.lastEventId()).isEqualTo("41");
    }

    @Test
    void anIdOnlyBlockUpdatesTheId() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("data: a\n\n").chunk("id: 7\n\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        SseStream stream = open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().lastEventId()).isEmpty();
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        assertThat(stream.lastEventId()).isEqualTo("7");
        server.takeRequest();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("7");
    }

    @Test
    void anEmptyIdClearsItAndTheHeaderIsNoLongerSent() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id\ndata: a\n\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events").withLastEventId("5"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().lastEventId()).isEmpty();
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("5");
        assertThat(server.takeRequest().header("Last-Event-ID")).isNull();
    }

    @Test
    void anUnfinishedEventAtTheEndIsDiscardedWithItsId() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id: 1\ndata: a\n\nid: 2\ndata: half"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        server.takeRequest();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("1");
    }

    @Test
    void aServerThatAcceptsAndClosesMeetsDoublingDelays() throws Exception {
        server.setDefault(ScriptedResponse.acceptAndClose());

        open(config("/events").withBackoff(DOUBLING));

        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
            assertThat(retrying.attempt()).isEqualTo(attempt);
            delays.add(retrying.delay().toMillis());
        }
        assertThat(delays).containsExactly(50L, 100L, 200L, 400L, 800L, 1000L);
    }

    @Test
    void aServerThatOpensAndClosesAtOnceMeetsDoublingDelays() throws Exception {
        server.setDefault(ScriptedResponse.sse());

        open(config("/events").withBackoff(DOUBLING));

        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            recorder.next(StreamSignal.Opened.class);
            delays.add(recorder.next(StreamSignal.Retrying.class).delay().toMillis());
        }
        assertThat(delays).containsExactly(50L, 100L, 200L, 400L);
    }

    @Test
    void aHealthyConnectionResetsTheDelays() throws Exception {
        server.enqueue(ScriptedResponse.acceptAndClose());
        server.enqueue(ScriptedResponse.acceptAndClose());
        server.enqueue(ScriptedResponse.sse().chunk(":x\n").pause(Duration.ofMillis(400)));
        server.enqueue(ScriptedResponse.acceptAndClose());
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events").withBackoff(DOUBLING.withResetAfter(Duration.ofMillis(200))));

        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(Duration.ofMillis(100));
        recorder.next(StreamSignal.Opened.class);
        StreamSignal.Retrying afterHealthy = recorder.await(StreamSignal.Retrying.class);
        assertThat(afterHealthy.attempt()).isEqualTo(1);
        assertThat(afterHealthy.delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(Duration.ofMillis(100));
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void theRetryFieldReplacesTheBaseDelay() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("retry: 123\n\n"));
        server.enqueue(ScriptedResponse.acceptAndClose());
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events").withBackoff(DOUBLING));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(Duration.ofMillis(123));
        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(Duration.ofMillis(246));
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void silenceLongerThanTheReadTimeoutReconnects() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id: 3\ndata: a\n\n").thenHang());
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events").withReadTimeout(Duration.ofMillis(300)));

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
        assertThat(retrying.reason()).isEqualTo("no bytes for 300 ms");
        recorder.next(StreamSignal.Opened.class);
        server.takeRequest();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("3");
    }

    @Test
    void commentsKeepAnIdleStreamAlive() throws Exception {
        ScriptedResponse heartbeats = ScriptedResponse.sse();
        for (int i = 0; i < 10; i++) {
            heartbeats = heartbeats.chunk(":hb\n").pause(Duration.ofMillis(100));
        }
        server.enqueue(heartbeats); // 1 s of heartbeats, then the end of the stream
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events").withReadTimeout(Duration.ofMillis(400)));

        recorder.next(StreamSignal.Opened.class);
        for (int i = 0; i < 10; i++) {
            assertThat(recorder.next(StreamSignal.Comment.class).text()).isEqualTo("hb");
        }
        assertThat(recorder.next(StreamSignal.Retrying.class).reason()).contains("ended the stream");
    }

    @Test
    void aConnectionResetMidStreamIsRetriedWithTheLastId() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("id: 8\ndata: a\n\n")
                .pause(Duration.ofMillis(50))
                .thenReset());
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        server.takeRequest();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("8");
    }

    @Test
    void aSlowConsumerGetsEveryEventOfAChunkedStream() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            body.append("id: ").append(i).append("\ndata: ").append(i).append("\n\n");
        }
        server.enqueue(
                ScriptedResponse.sse().chunked().chunk(body.substring(0, 1000)).chunk(body.substring(1000)));
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        for (int i = 1; i <= 300; i++) {
            assertThat(recorder.nextEvent().data()).isEqualTo(Integer.toString(i));
        }
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
    }
}
