package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Header values never reach toString, signals or the log; the log says what happened and what next. */
class SecretsTest extends ClientTestSupport {
    private static final String SECRET = "s3cr3t-t0k3n";

    private final Logger logger = Logger.getLogger("io.sseconnector.client.SseClient");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previous;

    @BeforeEach
    void captureTheLog() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        logger.removeHandler(capture);
        logger.setLevel(previous);
    }

    @Test
    void configToStringShowsHeaderNamesOnly() {
        SseClientConfig config = config("/events")
                .withHeaders(Map.of("Authorization", "Bearer " + SECRET))
                .withTls(new SseClientConfig.Tls(null, null, null, SECRET, null, SECRET, true))
                .withProxy(new SseClientConfig.Proxy("proxy", 3128, "user", SECRET));

        assertThat(config.toString()).contains("Authorization").doesNotContain(SECRET);
    }

    @Test
    void logsAndSignalsNeverCarryHeaderValues() throws Exception {
        server.enqueue(ScriptedResponse.status(503));
        server.enqueue(ScriptedResponse.status(302).header("Location", "/next"));
        server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));
        server.enqueue(ScriptedResponse.status(403));

        SseStream stream = open(config("/events").withHeaders(Map.of("Authorization", "Bearer " + SECRET)));

        StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        recorder.next(StreamSignal.Retrying.class);
        StreamSignal.Failed failed = recorder.next(StreamSignal.Failed.class);

        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(SECRET));
        assertThat(retrying.toString() + failed + stream).doesNotContain(SECRET);
        String url = server.url("/events").toString();
        assertThat(lines)
                .contains("INFO GET " + url + ": 503 Service Unavailable (attempt 1, last id ''), retrying in 20 ms")
                .contains("WARNING GET " + url + ": 403 Forbidden; giving up");
    }

    @Test
    void aPasswordInTheUrlReachesNoSignalLogLineOrToString() throws Exception {
        server.enqueue(ScriptedResponse.status(503));
        server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));
        URI plain = server.url("/events");
        URI withPassword = URI.create(plain.toString().replace("://", "://user:" + SECRET + "@"));

        SseStream stream = open(SseClientConfig.of(withPassword)
                .withBackoff(SseClientConfig.Backoff.DEFAULTS.withInitialDelay(Duration.ofMillis(20))));

        StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
        StreamSignal.Opened opened = recorder.next(StreamSignal.Opened.class);

        assertThat(opened.uri()).isEqualTo(plain);
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(SECRET));
        assertThat(retrying.toString() + stream + SseClientConfig.of(withPassword))
                .doesNotContain(SECRET);
    }
}
