package io.sseconnector.connector.simulator;

import static io.sseconnector.server.SseReader.ids;
import static io.sseconnector.server.SseReader.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.core.SseEvent;
import io.sseconnector.server.SseReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator over real loopback HTTP: endpoints, stream format, shared stream, resume, devices. */
class CameraSimulatorTest {
    /** Fast and reproducible: 200 events/s from a seeded sequence, loopback, a free port. */
    static final CameraSettings FAST = CameraSettings.DEFAULTS
            .withHost("127.0.0.1")
            .withPort(0)
            .withRate(200)
            .withSeed(42L)
            .withHeartbeatInterval(Duration.ofMillis(500));

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private CameraSimulator start(CameraSettings settings) {
        simulator = CameraSimulator.start(settings);
        return simulator;
    }

    private URI uri(String path) {
        return simulator.baseUri().resolve(path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SseReader subscribe(String path, Map<String, String> headers) {
        SseReader reader = SseReader.open(client, uri(path), headers);
        readers.add(reader);
        return reader;
    }

    private SseReader subscribe(String path) {
        return subscribe(path, Map.of());
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void infoDescribesTheDeviceInTheSeedsOrder() throws Exception {
        start(CameraSettings.DEFAULTS.withHost("127.0.0.1").withPort(0).withDeviceId("cam-\"9\""));

        HttpResponse<String> response = send("GET", "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo("{\"device_id\":\"cam-\\\"9\\\"\",\"device_type\":\"analytics-camera\","
                        + "\"sse_endpoint\":\"/camera-events\",\"event_types\":[\"HEARTBEAT\",\"ANALYTICS_ENABLED\","
                        + "\"ANALYTICS_DISABLED\",\"ALERT\",\"ALERT_DLQC\"],\"heartbeat_interval_seconds\":5}");
    }

    @Test
    void infoGivesSubSecondHeartbeatIntervalsAsDecimals() throws Exception {
        start(FAST);

        JsonNode info = JSON.readTree(send("GET", "/").body());

        assertThat(info.get("heartbeat_interval_seconds").asDouble()).isEqualTo(0.5);
    }

    @Test
    void healthHasStatusDeviceAndEpochMillis() throws Exception {
        start(FAST);
        long before = System.currentTimeMillis();

        HttpResponse<String> response = send("GET", "/health");

        JsonNode health = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(keys(health)).containsExactly("status", "device_id", "timestamp");
        assertThat(health.get("status").asString()).isEqualTo("healthy");
        assertThat(health.get("device_id").asString()).isEqualTo("analytics-camera-001");
        assertThat(health.get("timestamp").asLong()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void unknownPathsAre404AndOtherMethods405() throws Exception {
        start(FAST);

        assertThat(send("GET", "/events").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/cameras/nope/events").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send("POST", "/camera-events");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET");
        assertThat(send("DELETE", "/health").statusCode()).isEqualTo(405);
    }

    @Test
    void streamCarriesTypeIdAndCompactJsonWithIdsGrowingByOne() {
        start(FAST);
        SseReader reader = subscribe("/camera-events");

        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.header("content-type")).isEqualTo("text/event-stream");
        List<SseEvent> events = reader.take(100);
        long first = Long.parseLong(events.get(0).lastEventId());
        assertThat(ids(events)).isEqualTo(range(first, first + 99));
        for (SseEvent event : events) {
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.get("type").asString()).isEqualTo(event.type());
            assertThat(EventType.valueOf(event.type())).isNotNull();
            assertThat(event.data()).as("compact, one line").isEqualTo(JSON.writeValueAsString(data));
        }
    }

    @Test
    void twoSubscribersSeeTheSameEventsWithTheSameIds() {
        start(FAST);
        SseReader a = subscribe("/camera-events", Map.of("Last-Event-ID", "0"));
        SseReader b = subscribe("/camera-events", Map.of("Last-Event-ID", "0"));

        List<SseEvent> fromA = a.take(300);
        List<SseEvent> fromB = b.take(300);

        assertThat(ids(fromA)).isEqualTo(range(1, 300));
        assertThat(fromB).isEqualTo(fromA);
    }

    @Test
    void resumeByLastEventIdHeaderHasNoGapAndNoDuplicate() {
        start(FAST);
        SseReader first = subscribe("/camera-events");
        List<SseEvent> seen = first.take(20);
        first.close();
        long last = Long.parseLong(seen.get(19).lastEventId());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.device("analytics-camera-001").log().lastId() > last + 50);

        SseReader resumed = subscribe("/camera-events", Map.of("Last-Event-ID", Long.toString(last)));

        assertThat(ids(resumed.take(100))).isEqualTo(range(last + 1, last + 100));
    }

    @Test
    void resumeByLastEventIdQueryParameter() {
        start(FAST);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.device("analytics-camera-001").log().lastId() > 30);

        SseReader resumed = subscribe("/camera-events?lastEventId=10");

        assertThat(ids(resumed.take(50))).isEqualTo(range(11, 60));
    }

    @Test
    void idOlderThanTheHistoryResumesFromTheOldestKept() {
        start(FAST.withHistory(20).withRate(1000));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.device("analytics-camera-001").log().lastId() > 100);

        SseReader resumed = subscribe("/camera-events", Map.of("Last-Event-ID", "3"));

        List<SseEvent> events = resumed.take(60);
        long oldest = Long.parseLong(events.get(0).lastEventId());
        assertThat(oldest).isGreaterThan(80);
        assertThat(ids(events)).isEqualTo(range(oldest, oldest + 59));
    }

    @Test
    void threeDevicesHaveTheirOwnStreamsAndIdsAndTheFirstIsCameraEvents() throws Exception {
        start(FAST.withDevices(3).withSeed(7L));
        assertThat(simulator.deviceIds())
                .containsExactly("analytics-camera-001", "analytics-camera-002", "analytics-camera-003");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.device("analytics-camera-003").log().lastId() >= 100);

        List<List<SseEvent>> streams = new ArrayList<>();
        for (String id : simulator.deviceIds()) {
            streams.add(subscribe("/cameras/" + id + "/events", Map.of("Last-Event-ID", "0"))
                    .take(100));
        }
        List<SseEvent> cameraEvents =
                subscribe("/camera-events", Map.of("Last-Event-ID", "0")).take(100);

        for (List<SseEvent> stream : streams) {
            assertThat(ids(stream)).isEqualTo(range(1, 100));
        }
        assertThat(cameraEvents).isEqualTo(streams.get(0));
        assertThat(streams.get(1)).isNotEqualTo(streams.get(0));
        assertThat(streams.get(2)).isNotEqualTo(streams.get(1));
        JsonNode info = JSON.readTree(send("GET", "/").body());
        assertThat(info.get("devices")).hasSize(3);
        assertThat(info.get("devices").get(2).get("sse_endpoint").asString())
                .isEqualTo("/cameras/analytics-camera-003/events");
    }

    @Test
    void sameSeedGivesTheSameStreamRunAfterRun() {
        start(FAST);
        List<String> first = subscribe("/camera-events", Map.of("Last-Event-ID", "0")).take(50).stream()
                .map(e -> e.type() + " " + e.lastEventId() + " "
                        + JSON.readTree(e.data()).get("event_id"))
                .toList();
        simulator.close();
        readers.forEach(SseReader::close);

        start(FAST);
        List<String> second = subscribe("/camera-events", Map.of("Last-Event-ID", "0")).take(50).stream()
                .map(e -> e.type() + " " + e.lastEventId() + " "
                        + JSON.readTree(e.data()).get("event_id"))
                .toList();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void realTimeModeSendsAHeartbeatEveryInterval() {
        start(CameraSettings.DEFAULTS
                .withHost("127.0.0.1")
                .withPort(0)
                .withHeartbeatInterval(Duration.ofMillis(200))
                .withAlertProbability(0));
        SseReader reader = subscribe("/camera-events", Map.of("Last-Event-ID", "0"));

        List<SseEvent> events = new ArrayList<>();
        while (events.size() < 5) {
            // Analytics may toggle meanwhile (2 % and 5 % a second); only heartbeats are timed.
            reader.take(1, Duration.ofSeconds(5)).stream()
                    .filter(e -> e.type().equals("HEARTBEAT"))
                    .forEach(events::add);
        }

        List<Long> stamps = events.stream()
                .map(e -> JSON.readTree(e.data()).get("timestamp").asLong())
                .toList();
        assertThat(stamps.get(4) - stamps.get(0)).isBetween(600L, 1_400L);
    }

    @Test
    void idleConnectionGetsKeepAliveComments() {
        start(CameraSettings.DEFAULTS
                .withHost("127.0.0.1")
                .withPort(0)
                .withHeartbeatInterval(Duration.ofHours(1))
                .withAlertProbability(0)
                .withKeepAlive(Duration.ofMillis(100)));
        SseReader reader = subscribe("/camera-events");

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.comments().size() >= 3);
        assertThat(reader.comments()).allMatch(String::isEmpty);
    }
}
