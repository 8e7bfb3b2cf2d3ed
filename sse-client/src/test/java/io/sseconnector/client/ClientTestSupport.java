package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.client.testing.SignalRecorder;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A scripted server, a one-thread client and a recorder per test; fast, jitter-free delays. */
abstract class ClientTestSupport {
    static final SseClientConfig.Backoff FAST =
            new SseClientConfig.Backoff(Duration.ofMillis(20), Duration.ofMillis(400), Duration.ofSeconds(60), 0);

    ScriptedSseServer server;
    SseClient client;
    SignalRecorder recorder;

    @BeforeEach
    void startServerAndClient() throws IOException {
        server = ScriptedSseServer.start();
        client = SseClient.create(1);
        recorder = new SignalRecorder();
    }

    @AfterEach
    void stopServerAndClient() {
        client.close();
        server.close();
        assertThat(recorder.violations()).isEmpty();
    }

    SseClientConfig config(String path) {
        return SseClientConfig.of(server.url(path))
                .withBackoff(FAST)
                .withConnectTimeout(Duration.ofSeconds(5))
                .withReadTimeout(Duration.ofSeconds(10));
    }

    SseStream open(SseClientConfig config) {
        return client.open(config, recorder);
    }
}
