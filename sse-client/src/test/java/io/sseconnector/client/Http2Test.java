package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.testing.H2SseServer;
import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.SignalRecorder;
import io.sseconnector.client.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https servers that pick h2 by ALPN get the same client rules over HTTP/2 streams. */
class Http2Test {
    @TempDir
    static Path pkiDir;

    static TestPki pki;

    H2SseServer server;
    SseClient client;
    SignalRecorder recorder;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(pkiDir);
    }

    @BeforeEach
    void start() throws Exception {
        server = H2SseServer.start(pki.serverKeys());
        client = SseClient.create(1);
        recorder = new SignalRecorder();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        assertThat(recorder.violations()).isEmpty();
    }

    private SseClientConfig config(String path) {
        return SseClientConfig.of(server.url(path))
                .withTls(new SseClientConfig.Tls(pki.caPem(), null, null, null, null, null, true))
                .withBackoff(new SseClientConfig.Backoff(
                        Duration.ofMillis(20), Duration.ofMillis(400), Duration.ofSeconds(60), 0));
    }

    @Test
    void opensAndReadsEventsOverHttp2() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("id: 1\ndata: a\n")
                .chunk("\ndata: b\n\n")
                .thenHang());

        client.open(config("/events?x=1"), recorder);

        assertThat(recorder.next(StreamSignal.Opened.class).status()).isEqualTo(200);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.nextEvent().lastEventId()).isEqualTo("1");
        RecordedRequest request = server.takeRequest();
        assertThat(request.requestLine()).isEqualTo("GET /events?x=1 HTTP/2");
        assertThat(request.header(":scheme")).isEqualTo("https");
        assertThat(request.header(":authority")).isEqualTo("127.0.0.1:" + server.port());
        assertThat(request.header("accept")).isEqualTo("text/event-stream");
        assertThat(request.header("cache-control")).isEqualTo("no-cache");
        assertThat(request.header("last-event-id")).isNull();
    }

    @Test
    void theEndOfAStreamReconnectsWithTheLastIdAsUtf8Bytes() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id: ü-1\ndata: a\n\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        client.open(config("/events"), recorder);

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        assertThat(recorder.next(StreamSignal.Retrying.class).reason()).contains("ended the stream");
        recorder.next(StreamSignal.Opened.class);
        server.takeRequest();
        assertThat(server.takeRequest().headerBytes("last-event-id")).isEqualTo("ü-1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statusRulesApply() throws Exception {
        server.enqueue(ScriptedResponse.status(503).header("Retry-After", "0"));
        server.enqueue(ScriptedResponse.status(302).header("Location", "/moved"));
        server.enqueue(ScriptedResponse.status(404));

        client.open(config("/events"), recorder);

        assertThat(recorder.next(StreamSignal.Retrying.class).reason()).isEqualTo("503 Service Unavailable");
        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.getMessage()).contains("/moved").contains("404");
    }

    @Test
    void aResetStreamIsRetried() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("data: a\n\n")
                .pause(Duration.ofMillis(100))
                .thenReset());
        server.enqueue(ScriptedResponse.sse().thenHang());

        client.open(config("/events"), recorder);

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        assertThat(recorder.next(StreamSignal.Retrying.class).reason())
                .isEqualTo("the server reset the HTTP/2 stream (CANCEL)");
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void silenceHitsTheReadTimeout() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk(":hi\n").thenHang());
        server.setDefault(ScriptedResponse.sse().thenHang());

        client.open(config("/events").withReadTimeout(Duration.ofMillis(300)), recorder);

        recorder.next(StreamSignal.Opened.class);
        recorder.next(StreamSignal.Comment.class);
        assertThat(recorder.next(StreamSignal.Retrying.class).reason()).isEqualTo("no bytes for 300 ms");
    }

    @Test
    void pauseAndResumeLoseNothing() throws Exception {
        int count = 20_000;
        ScriptedResponse response = ScriptedResponse.sse();
        StringBuilder batch = new StringBuilder();
        String padding = "y".repeat(100);
        for (int i = 1; i <= count; i++) {
            batch.append("id: ").append(i).append("\ndata: ").append(padding).append("\n\n");
            if (i % 200 == 0) {
                response = response.chunk(batch.toString());
                batch.setLength(0);
            }
        }
        server.enqueue(response.thenHang());

        SseStream stream = client.open(config("/events"), recorder);
        recorder.next(StreamSignal.Opened.class);
        List<Long> ids = new ArrayList<>();
        ids.add(Long.parseLong(recorder.nextEvent().lastEventId()));
        stream.pause();
        for (StreamSignal s : recorder.during(Duration.ofMillis(300))) {
            ids.add(Long.parseLong(((StreamSignal.Event) s).event().lastEventId()));
        }
        assertThat(recorder.during(Duration.ofMillis(300))).isEmpty();
        stream.resume();
        while (ids.size() < count) {
            ids.add(Long.parseLong(recorder.nextEvent().lastEventId()));
        }
        for (int i = 0; i < count; i++) {
            assertThat(ids.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void closeEndsTheConnection() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("data: a\n\n").thenHang());

        SseStream stream = client.open(config("/events"), recorder);
        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        stream.close();

        assertThat(recorder.next(StreamSignal.Closed.class).reason()).isEqualTo("closed by the application");
        await().until(() -> server.openConnections() == 0);
    }
}
