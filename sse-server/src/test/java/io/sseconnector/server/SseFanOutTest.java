package io.sseconnector.server;

import static io.sseconnector.server.SseReader.ids;
import static io.sseconnector.server.SseReader.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.core.SseEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An {@link EventLog} served over real HTTP: fan-out, resume, slow subscribers, keep-alive, policies. */
class SseFanOutTest {
    private static final int HISTORY = 50;
    private static final Duration KEEP_ALIVE = Duration.ofMillis(150);
    private static final int MAX_PENDING = 64 * 1024;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<SseReader> readers = new ArrayList<>();
    private EventLog log;
    /** Keeps every event of the concurrency test, so that each resume id is still kept. */
    private EventLog bigLog;

    private HttpServer server;

    @BeforeEach
    void start() {
        log = EventLog.create("fan-out", HISTORY);
        bigLog = EventLog.create("big", 100_000);
        Routes routes = Routes.builder()
                .get("/events", request -> Response.sse(log, request))
                .get("/big", request -> Response.sse(bigLog, request))
                .get(
                        "/no-heartbeats",
                        request -> Response.sse(
                                log,
                                request.lastEventId(),
                                (id, type) -> type.equals("HEARTBEAT")
                                        ? DeliveryPolicy.Action.SKIP
                                        : DeliveryPolicy.Action.SEND))
                .get("/after/{count}/{action}", request -> {
                    int count = Integer.parseInt(request.pathParam("count"));
                    DeliveryPolicy.Action then = DeliveryPolicy.Action.valueOf(request.pathParam("action"));
                    int[] sent = {0};
                    return Response.sse(
                            log,
                            request.lastEventId(),
                            (id, type) -> sent[0]++ < count ? DeliveryPolicy.Action.SEND : then);
                })
                .build();
        server = HttpServer.start(
                ServerConfig.DEFAULTS.withKeepAliveInterval(KEEP_ALIVE).withMaxPendingBytes(MAX_PENDING), routes);
    }

    @AfterEach
    void stop() {
        readers.forEach(SseReader::close);
        server.close();
        log.close();
        bigLog.close();
        client.shutdownNow();
    }

    private SseReader subscribe(String path, Map<String, String> headers) {
        SseReader reader = SseReader.open(client, URI.create("http://127.0.0.1:" + server.port() + path), headers);
        readers.add(reader);
        return reader;
    }

    private SseReader subscribe(String path) {
        return subscribe(path, Map.of());
    }

    /** Waits until the log counts {@code count} subscribers, so that live events reach them all. */
    private void awaitSubscribers(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stats().subscribers() == count);
    }

    private void publish(int count) {
        publish(log, count);
    }

    private static void publish(EventLog log, int count) {
        List<SseEvent> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(SseEvent.of(i % 3 == 0 ? "HEARTBEAT" : "ALERT", "{\"n\":" + (log.lastId() + i + 1) + "}"));
        }
        log.publish(batch);
    }

    @Test
    void everySubscriberSeesTheSameEventsWithTheSameIds() {
        SseReader first = subscribe("/events");
        SseReader second = subscribe("/events");
        awaitSubscribers(2);

        for (int i = 0; i < 20; i++) {
            publish(5);
        }

        List<SseEvent> a = first.take(100);
        List<SseEvent> b = second.take(100);
        assertThat(ids(a)).isEqualTo(range(1, 100));
        assertThat(b).isEqualTo(a);
        assertThat(a.get(0)).isEqualTo(new SseEvent("HEARTBEAT", "{\"n\":1}", "1", SseEvent.NO_RETRY));
        assertThat(log.stats().published()).isEqualTo(100);
    }

    @Test
    void noLastEventIdStartsWithLiveEvents() {
        publish(10);
        SseReader reader = subscribe("/events");
        awaitSubscribers(1);

        publish(2);

        assertThat(ids(reader.take(2))).containsExactly(11L, 12L);
        assertThat(log.stats().replayed()).isZero();
    }

    @Test
    void lastEventIdHeaderReplaysWhatWasMissedThenLive() {
        publish(10);
        SseReader reader = subscribe("/events", Map.of("Last-Event-ID", "4"));
        awaitSubscribers(1);
        publish(3);

        assertThat(ids(reader.take(9))).isEqualTo(range(5, 13));
        assertThat(log.stats().replayed()).isEqualTo(6);
    }

    @Test
    void lastEventIdQueryParameterWorksLikeTheHeader() {
        publish(10);
        SseReader reader = subscribe("/events?lastEventId=8");
        awaitSubscribers(1);
        publish(1);

        assertThat(ids(reader.take(3))).containsExactly(9L, 10L, 11L);
    }

    @Test
    void idOlderThanTheHistoryReplaysFromTheOldestKept() {
        publish(HISTORY + 30);
        SseReader reader = subscribe("/events", Map.of("Last-Event-ID", "3"));

        assertThat(ids(reader.take(HISTORY))).isEqualTo(range(31, HISTORY + 30));
    }

    @Test
    void idThisLogNeverIssuedReplaysEverythingKept() {
        publish(5);
        SseReader future = subscribe("/events", Map.of("Last-Event-ID", "9000"));
        SseReader foreign = subscribe("/events", Map.of("Last-Event-ID", "abc-17"));

        assertThat(ids(future.take(5))).isEqualTo(range(1, 5));
        assertThat(ids(foreign.take(5))).isEqualTo(range(1, 5));
    }

    @Test
    void resumesWhilePublishingHaveNoGapAndNoDuplicate() throws Exception {
        int total = 5_000;
        Thread publisher = Thread.ofPlatform().start(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (bigLog.lastId() < total) {
                publish(bigLog, (int) Math.min(random.nextInt(1, 8), total - bigLog.lastId()));
            }
        });
        List<SseReader> resumed = new ArrayList<>();
        List<Long> from = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long after =
                    Math.max(0, bigLog.lastId() - ThreadLocalRandom.current().nextInt(100));
            from.add(after);
            resumed.add(subscribe("/big", Map.of("Last-Event-ID", Long.toString(after))));
        }
        publisher.join(30_000);

        assertThat(bigLog.lastId()).isEqualTo(total);
        for (int i = 0; i < resumed.size(); i++) {
            long after = from.get(i);
            List<SseEvent> events = resumed.get(i).take((int) (total - after), Duration.ofSeconds(30));
            assertThat(ids(events))
                    .as("subscriber %d resuming after %d", i, after)
                    .isEqualTo(range(after + 1, total));
        }
        assertThat(bigLog.stats().slowDisconnects()).isZero();
    }

    @Test
    void slowSubscriberIsDisconnectedWithoutHoldingUpAFastOne() throws Exception {
        SseReader fast = subscribe("/events");
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(server.address());
            OutputStream out = slow.getOutputStream();
            out.write(("GET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitSubscribers(2);

            String payload = "x".repeat(1000);
            long published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (log.stats().slowDisconnects() == 0 && System.nanoTime() < deadline) {
                List<SseEvent> batch = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    batch.add(SseEvent.of("BIG", payload));
                }
                published = log.publish(batch);
                assertThat(ids(fast.take(100))).endsWith(published);
            }

            assertThat(log.stats().slowDisconnects()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> log.stats().subscribers() == 1);
            log.publish(SseEvent.of("after", "the slow one left"));
            assertThat(fast.take(1)).extracting(SseEvent::lastEventId).containsExactly(Long.toString(published + 1));
            assertThat(readToEnd(slow.getInputStream()))
                    .as("the slow socket was closed by the server")
                    .isTrue();
        }
    }

    /** Drains a socket until the server closes it; false if it stays open for 10 s. */
    private static boolean readToEnd(InputStream in) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        byte[] buffer = new byte[65536];
        try {
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketException reset) {
            return true;
        }
        return false;
    }

    @Test
    void idleConnectionGetsKeepAliveComments() {
        SseReader reader = subscribe("/events");
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.comments().size() >= 2);
        assertThat(reader.comments()).allMatch(String::isEmpty);
        assertThat(reader.drain()).isEmpty();
    }

    @Test
    void policyCanSkipEventsForOneSubscriber() {
        SseReader filtered = subscribe("/no-heartbeats");
        SseReader all = subscribe("/events");
        awaitSubscribers(2);

        publish(6);

        assertThat(all.take(6)).extracting(SseEvent::type).containsOnly("HEARTBEAT", "ALERT");
        assertThat(ids(filtered.take(4))).containsExactly(2L, 3L, 5L, 6L);
    }

    @Test
    void closeActionEndsTheStreamCleanlyAndTheClientResumes() {
        SseReader reader = subscribe("/after/3/CLOSE");
        awaitSubscribers(1);
        publish(5);

        assertThat(ids(reader.take(3))).containsExactly(1L, 2L, 3L);
        assertThat(reader.awaitEnd(Duration.ofSeconds(5)).error()).isNull();
        assertThat(reader.drain()).isEmpty();

        SseReader resumed = subscribe("/events", Map.of("Last-Event-ID", "3"));
        assertThat(ids(resumed.take(2))).containsExactly(4L, 5L);
    }

    @Test
    void cutActionLosesTheConnectionMidEventAndNothingOfThatEventIsDispatched() {
        SseReader reader = subscribe("/after/2/CUT");
        awaitSubscribers(1);
        publish(4);

        assertThat(ids(reader.take(2))).containsExactly(1L, 2L);
        assertThat(reader.awaitEnd(Duration.ofSeconds(5)).error())
                .as("an abrupt end")
                .isNotNull();
        assertThat(reader.drain()).isEmpty();
    }

    @Test
    void stallActionStopsWritingButKeepsTheConnectionOpen() {
        SseReader reader = subscribe("/after/2/STALL");
        awaitSubscribers(1);
        publish(4);
        assertThat(ids(reader.take(2))).containsExactly(1L, 2L);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stats().subscribers() == 0);
        long bytes = reader.bytesRead();

        publish(4);

        await().during(KEEP_ALIVE.multipliedBy(4))
                .atMost(Duration.ofSeconds(5))
                .until(() -> reader.bytesRead() == bytes);
        assertThat(reader.drain()).isEmpty();
        assertThat(reader.comments()).isEmpty();
        assertThat(reader.end()).isNotDone();
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void closingTheLogEndsItsStreams() {
        SseReader reader = subscribe("/events");
        awaitSubscribers(1);

        log.close();

        assertThat(reader.awaitEnd(Duration.ofSeconds(5)).error()).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stats().subscribers() == 0);
    }
}
