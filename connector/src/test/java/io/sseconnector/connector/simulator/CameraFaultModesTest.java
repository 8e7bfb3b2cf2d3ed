package io.sseconnector.connector.simulator;

import static io.sseconnector.server.SseReader.ids;
import static io.sseconnector.server.SseReader.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.core.SseEvent;
import io.sseconnector.server.EventLog;
import io.sseconnector.server.SseReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --disconnect-every}, {@code --stall-after} and slow subscribers, over real loopback HTTP. */
class CameraFaultModesTest {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<SseReader> readers = new ArrayList<>();
    private CameraSimulator simulator;

    @AfterEach
    void stop() {
        readers.forEach(SseReader::close);
        if (simulator != null) {
            simulator.close();
        }
        client.shutdownNow();
    }

    private SseReader subscribe(String lastEventId) {
        Map<String, String> headers = lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId);
        SseReader reader = SseReader.open(client, simulator.baseUri().resolve("/camera-events"), headers);
        readers.add(reader);
        return reader;
    }

    private EventLog log() {
        return simulator.device(simulator.deviceIds().get(0)).log();
    }

    @Test
    void disconnectEveryClosesAfterNEventsEveryOtherTimeMidEventAndResumeLosesNothing() {
        simulator = CameraSimulator.start(CameraSimulatorTest.FAST.withDisconnectEvery(25));
        List<SseEvent> received = new ArrayList<>();
        List<Throwable> ends = new ArrayList<>();
        String lastId = "0";
        for (int connection = 1; connection <= 4; connection++) {
            SseReader reader = subscribe(lastId);
            received.addAll(reader.take(25));
            ends.add(reader.awaitEnd(Duration.ofSeconds(5)).error());
            assertThat(reader.drain())
                    .as("events after the 25th on connection %d", connection)
                    .isEmpty();
            lastId = received.get(received.size() - 1).lastEventId();
        }

        assertThat(ids(received)).isEqualTo(range(1, 100));
        // Connections 1 and 3 end cleanly; 2 and 4 lose the connection in the middle of event 26,
        // which the parser must not dispatch.
        assertThat(ends.get(0)).isNull();
        assertThat(ends.get(1)).isNotNull();
        assertThat(ends.get(2)).isNull();
        assertThat(ends.get(3)).isNotNull();
    }

    @Test
    void stallAfterStopsWritingButKeepsTheSocketOpen() {
        simulator = CameraSimulator.start(
                CameraSimulatorTest.FAST.withStallAfter(10).withKeepAlive(Duration.ofMillis(50)));
        SseReader reader = subscribe("0");

        assertThat(ids(reader.take(10))).isEqualTo(range(1, 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> log().stats().subscribers() == 0);
        long bytes = reader.bytesRead();
        long idAtStall = log().lastId();

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> reader.bytesRead() == bytes);
        assertThat(log().lastId()).as("the camera kept publishing").isGreaterThan(idAtStall + 50);
        assertThat(reader.drain()).isEmpty();
        assertThat(reader.comments()).as("not even keep-alive comments").isEmpty();
        assertThat(reader.end()).as("the connection is still open").isNotDone();

        SseReader resumed = subscribe("10");
        assertThat(ids(resumed.take(10))).isEqualTo(range(11, 20));
    }

    @Test
    void slowSubscriberIsDisconnectedWithoutHoldingUpAFastOne() throws Exception {
        simulator = CameraSimulator.start(CameraSimulatorTest.FAST
                .withRate(5_000)
                .withAlertProbability(1.0)
                .withSubscriberBuffer(64 * 1024));
        SseReader fast = subscribe(null);
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(simulator.address());
            OutputStream out = slow.getOutputStream();
            out.write("GET /camera-events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> log().stats().subscribers() == 2);

            List<SseEvent> events = new ArrayList<>();
            while (log().stats().slowDisconnects() == 0) {
                events.addAll(fast.take(500, Duration.ofSeconds(20)));
            }
            events.addAll(fast.take(1_000));

            long first = Long.parseLong(events.get(0).lastEventId());
            assertThat(ids(events)).isEqualTo(range(first, first + events.size() - 1));
            assertThat(log().stats().slowDisconnects()).isEqualTo(1);
            assertThat(log().stats().subscribers()).isEqualTo(1);
            assertThat(closedByServer(slow.getInputStream())).isTrue();
        }
    }

    /** Drains the socket until the server closes it; false if it stays open for 10 s. */
    private static boolean closedByServer(InputStream in) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        byte[] buffer = new byte[65536];
        try {
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketException reset) {
            return true;
        }
        return false;
    }
}
