package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.testing.FirstArrivals;
import io.sseconnector.connector.testing.MqttRecorder;
import io.sseconnector.connector.testing.PrivateMosquitto;
import io.sseconnector.connector.testing.TcpCutter;
import io.sseconnector.connector.testing.TestBridges;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bridge, built from YAML as {@code run -c} builds it, against broker faults: a cut with
 * publishes in flight, an outage long enough to spill to disk, a restart (SIGTERM) at QoS 1 and 2 over MQTT 5 and 3.1.1,
 * a crash (SIGKILL), and {@code drop-oldest} with the broker away. Each broker is a Mosquitto of the
 * test's own that drops nothing it acknowledged (see {@link PrivateMosquitto}), so a loss is the
 * bridge's.
 *
 * <p>Each device of the scripted source sends ids 1..N (from {@code Last-Event-ID} on a reconnect),
 * the data {@code {"id":N,"pad":"x…"}}. A subscriber reads the device from the topic and the id from
 * the payload (MQTT 3.1.1 has no user properties) and checks that every id arrived (duplicates
 * allowed, and counted in the failure message), first arrivals in order, no payload torn.
 */
class BridgeBrokerFaultsTest {
    private static final String[] TYPES = {"HEARTBEAT", "ALERT", "ALERT_DLQC", "ANALYTICS_ENABLED", "ANALYTICS_DISABLED"
    };
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ANONYMOUS = "allow_anonymous true\n";
    private static final String RECONNECT_FAST = "reconnect: { initialDelay: 20ms, maxDelay: 200ms }\n";
    private static final Pattern PAYLOAD = Pattern.compile("\\{\"id\":(\\d+),\"pad\":\"x*\"}");
    /** A payload's id where the spill file holds it: in the file, payloads are stored as received. */
    private static final Pattern SPILLED_PAYLOAD = Pattern.compile("\\{\"id\":(\\d+),\"pad\":\"");

    @TempDir
    Path state;

    @TempDir
    Path brokerDir;

    private final String prefix = "test/" + UUID.randomUUID();
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private ScriptedSseServer source;

    @BeforeEach
    void startSource() throws Exception {
        source = ScriptedSseServer.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        source.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeLater.add(resource);
        return resource;
    }

    @Test
    void noEventIsLostOrReorderedWhenTheBrokerConnectionIsCutWithPublishesInFlight() throws Exception {
        PrivateMosquitto broker = closing(PrivateMosquitto.start(brokerDir, false, ANONYMOUS));
        TcpCutter link = closing(new TcpCutter(broker.port()));
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#"));
        int total = 3_000;
        TestBridges.Broker via = TestBridges.Broker.at(link.port());
        Bridge bridge = startBridge(via, devices("camera-01"), total, 16, RECONNECT_FAST);

        awaitMidStream(bridge, 300, total);
        link.stall();
        awaitBacklog(bridge, 200); // sent, unacknowledged: lost in the cut, to be sent again
        link.cut();
        link.restore();

        FirstArrivals arrivals = collect(recorder, new FirstArrivals(), List.of("camera-01"), total);
        assertEveryIdArrived(arrivals, List.of("camera-01"), total, bridge);
        assertThat(broker.connections(via.clientId()))
                .as("the bridge's connections to the broker")
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * The memory buffer holds 50 events; while the broker is away the rest go to the spill file,
     * which must really grow (it exists, empty, from the start), and every spilled id must be read
     * back and delivered, in order, once the broker returns.
     */
    @Test
    void aLongBrokerOutageSpillsToDiskAndTheSpilledIdsArriveInOrderAfterwards() throws Exception {
        PrivateMosquitto broker = closing(PrivateMosquitto.start(brokerDir, false, ANONYMOUS));
        TcpCutter link = closing(new TcpCutter(broker.port()));
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#"));
        int total = 3_000;
        Path spill = state.resolve("spill/camera-01.spill");
        Bridge bridge = startBridge(
                TestBridges.Broker.at(link.port()),
                devices("camera-01"),
                total,
                1_000, // ~1 KiB events: 3 MB in all, far more than the 64 KiB the file buffers in memory
                RECONNECT_FAST + "buffer: { maxEvents: 50, maxBytes: 1MiB, spillBytes: 64MiB, overflow: block }\n");

        awaitMidStream(bridge, 300, total);
        link.cut();
        // The file may already hold events from before the cut (memory fills whenever the broker
        // lags); what counts is what was written while the broker was away.
        long before = Files.size(spill);
        await("the spill file grows by 256 KiB while the broker is away")
                .atMost(WAIT)
                .until(() -> Files.size(spill) >= before + 256 * 1024);
        TreeSet<Long> spilled = spilledIds(spill, before);
        FirstArrivals arrivals = new FirstArrivals();
        recorder.drain().forEach(m -> add(arrivals, m));
        link.restore();

        assertThat(spilled.size())
                .as("ids written to the spill file while the broker was away")
                .isGreaterThan(200);
        assertThat(spilled.last() - spilled.first() + 1)
                .as("the spilled ids are consecutive: %s..%s", spilled.first(), spilled.last())
                .isEqualTo(spilled.size());
        assertThat(spilled.stream()
                        .filter(id -> arrivals.arrived("camera-01", id))
                        .limit(20))
                .as("spilled ids %s..%s delivered before the broker returned", spilled.first(), spilled.last())
                .isEmpty();
        collect(recorder, arrivals, List.of("camera-01"), total);
        assertEveryIdArrived(arrivals, List.of("camera-01"), total, bridge);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Files.size(spill))
                        .as("spill file once read back")
                        .isZero());
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {5, 3})
    void noEventIsLostWhenTheBrokerRestartsMidStreamAtQos1(int version) throws Exception {
        assertNoLossAcrossARestart(version, 1, false);
    }

    /**
     * QoS 2 with a persistent bridge session: the broker keeps the bridge's unfinished exchanges
     * (PUBREC received, PUBREL not yet answered) across the restart, and the bridge finishes them.
     */
    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {5, 3})
    void noEventIsLostWhenTheBrokerRestartsMidStreamAtQos2WithAPersistentBridgeSession(int version) throws Exception {
        assertNoLossAcrossARestart(version, 2, true);
    }

    /** SIGTERM mid-stream: the broker saves its state and comes back on the same port. */
    private void assertNoLossAcrossARestart(int version, int qos, boolean persistentSession) throws Exception {
        PrivateMosquitto broker = closing(PrivateMosquitto.start(brokerDir));
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#", true, qos));
        int total = 3_000;
        TestBridges.Broker to = TestBridges.Broker.at(broker.port())
                .withVersion(version)
                .withQos(qos)
                .withPersistentSession(persistentSession);
        Bridge bridge = startBridge(to, devices("camera-01"), total, 16, RECONNECT_FAST);

        awaitMidStream(bridge, 300, total);
        broker.restart();

        FirstArrivals arrivals = collect(recorder, new FirstArrivals(), List.of("camera-01"), total);
        assertEveryIdArrived(arrivals, List.of("camera-01"), total, bridge);
        assertThat(broker.connections(to.clientId()))
                .as("the bridge's connections to the broker")
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * SIGKILL: the broker saves nothing on the way down; the subscriber's persistent session (saved
     * before the stream starts) comes back from disk. Mosquitto writes each message to the connected
     * subscriber (no in-flight limit) before it acknowledges it to the bridge, so what the crash
     * destroys is, in practice, what it had not acknowledged: the bridge must send that again.
     */
    @Test
    void noEventIsLostWhenTheBrokerCrashesMidStream() throws Exception {
        PrivateMosquitto broker = closing(PrivateMosquitto.start(brokerDir));
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#", true, 1));
        broker.save(); // the subscription survives the crash
        int total = 2_000;
        List<String> names = List.of("camera-01", "camera-02", "camera-03");
        TestBridges.Broker to = TestBridges.Broker.at(broker.port());
        Bridge bridge = startBridge(to, devices(names), total, 16, RECONNECT_FAST);

        awaitMidStream(bridge, 600, names.size() * total);
        broker.kill();
        broker.startAgain();

        FirstArrivals arrivals = collect(recorder, new FirstArrivals(), names, total);
        assertEveryIdArrived(arrivals, names, total, bridge);
        assertThat(broker.connections(to.clientId()))
                .as("the bridge's connections to the broker")
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * With the broker away and room for 10 events, 30 more arrive: the 20 oldest waiting ones are
     * dropped and the 10 newest delivered when the broker returns.
     */
    @Test
    void dropOldestDropsTheOldestWaitingEventsAndDeliversTheNewestWhenTheBrokerReturns() throws Exception {
        PrivateMosquitto broker = closing(PrivateMosquitto.start(brokerDir));
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#", true, 1));
        CountDownLatch burst = new CountDownLatch(1);
        source.enqueue(ScriptedResponse.sse()
                .write(out -> events(out, 1, 5, 16))
                .write(out -> {
                    awaitOrGiveUp(burst);
                    events(out, 6, 35, 16);
                })
                .thenHang());
        Bridge bridge = closing(TestBridges.create(
                TestBridges.Broker.at(broker.port()),
                prefix,
                state,
                devices("camera-01"),
                RECONNECT_FAST + "buffer: { maxEvents: 10, spillBytes: 0, overflow: drop-oldest }\n"));
        bridge.start();
        FirstArrivals arrivals = collect(recorder, new FirstArrivals(), List.of("camera-01"), 5);
        await("ids 1-5 delivered")
                .atMost(WAIT)
                .until(() -> bridge.stats().snapshot().delivered() == 5);

        broker.stop();
        await("the bridge sees the broker gone").atMost(WAIT).until(() -> !bridge.brokerConnected());
        burst.countDown();
        await("ids 6-35 received")
                .atMost(WAIT)
                .until(() -> bridge.stats().snapshot().received() == 35);
        broker.startAgain();

        collect(recorder, arrivals, List.of("camera-01"), 35);
        await("15 delivered").atMost(WAIT).until(() -> bridge.stats().snapshot().delivered() == 15);
        recorder.drain().forEach(m -> add(arrivals, m));
        List<Long> expected =
                new ArrayList<>(LongStream.rangeClosed(1, 5).boxed().toList());
        expected.addAll(LongStream.rangeClosed(26, 35).boxed().toList());
        assertThat(arrivals.ids("camera-01"))
                .as("ids delivered, in order (bridge %s)", bridge.stats().snapshot())
                .containsExactlyElementsOf(expected);
        assertThat(bridge.stats().snapshot().dropped()).isEqualTo(20);
    }

    // --- the source -------------------------------------------------------------------------

    private Map<String, URI> devices(String... names) {
        return devices(List.of(names));
    }

    /** Each device's endpoint on the scripted source. */
    private Map<String, URI> devices(List<String> names) {
        Map<String, URI> devices = new LinkedHashMap<>();
        names.forEach(name -> devices.put(name, source.url("/devices/" + name + "/events")));
        return devices;
    }

    /**
     * Serves every device ids 1..{@code total} (after {@code Last-Event-ID} on a reconnect) with
     * {@code pad} bytes of padding each, then starts the bridge.
     */
    private Bridge startBridge(
            TestBridges.Broker broker, Map<String, URI> devices, int total, int pad, String deviceSettings) {
        source.setDispatcher(request -> stream(request, total, pad));
        Bridge bridge = closing(TestBridges.create(broker, prefix, state, devices, deviceSettings));
        bridge.start();
        return bridge;
    }

    private static ScriptedResponse stream(RecordedRequest request, int total, int pad) {
        String lastId = request.header("Last-Event-ID");
        long from = lastId == null || lastId.isEmpty() ? 1 : Long.parseLong(lastId) + 1;
        return ScriptedResponse.sse()
                .write(out -> events(out, from, total, pad))
                .thenHang();
    }

    /** Writes ids {@code from..to}, 50 at a time with a short pause: a few thousand events/s. */
    private static void events(OutputStream out, long from, long to, int pad) throws IOException {
        String padding = "x".repeat(pad);
        for (long id = from; id <= to; id++) {
            String event = "event: " + TYPES[(int) (id % TYPES.length)] + "\nid: " + id + "\ndata: {\"id\":" + id
                    + ",\"pad\":\"" + padding + "\"}\n\n";
            out.write(event.getBytes(StandardCharsets.UTF_8));
            if (id % 50 == 0) {
                out.flush();
                sleep(15);
            }
        }
        out.flush();
    }

    private static void awaitOrGiveUp(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the source go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- faults and checks ------------------------------------------------------------------

    /** Waits until {@code delivered} events were delivered, and checks that the stream is not over. */
    private static void awaitMidStream(Bridge bridge, long delivered, long total) {
        await(delivered + " events delivered before the fault")
                .atMost(WAIT)
                .until(() -> bridge.stats().snapshot().delivered() >= delivered);
        assertThat(bridge.stats().snapshot().delivered())
                .as("delivered when the fault starts")
                .isLessThan(total);
    }

    /** Waits until {@code events} received events wait for the broker: the bridge felt the fault. */
    private static void awaitBacklog(Bridge bridge, long events) {
        await(events + " events waiting for the broker").atMost(WAIT).until(() -> {
            BridgeStats.Snapshot stats = bridge.stats().snapshot();
            return stats.received() - stats.delivered() >= events;
        });
    }

    /** Ids in the spill file from byte {@code from} on, by the payloads it holds (read while the bridge appends). */
    private static TreeSet<Long> spilledIds(Path spill, long from) throws IOException {
        byte[] bytes = Files.readAllBytes(spill);
        String text = new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.ISO_8859_1);
        TreeSet<Long> ids = new TreeSet<>();
        Matcher matcher = SPILLED_PAYLOAD.matcher(text);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    /** Takes messages into {@code arrivals} until every device's id {@code last} arrived, or the timeout. */
    private FirstArrivals collect(MqttRecorder recorder, FirstArrivals arrivals, List<String> devices, long last)
            throws InterruptedException {
        recorder.takeUntil(
                received -> {
                    if (!received.isEmpty()) {
                        add(arrivals, received.get(received.size() - 1));
                    }
                    return devices.stream().allMatch(device -> arrivals.arrived(device, last));
                },
                WAIT);
        return arrivals;
    }

    /** The device from the topic ({@code PREFIX/DEVICE/TYPE}), the id from the payload. */
    private void add(FirstArrivals arrivals, MqttRecorder.Message message) {
        String device = message.topic().substring(prefix.length() + 1).split("/")[0];
        Matcher payload = PAYLOAD.matcher(message.text());
        if (payload.matches()) {
            arrivals.add(device, Long.parseLong(payload.group(1)), true);
        } else {
            Matcher start = SPILLED_PAYLOAD.matcher(message.text());
            arrivals.add(device, start.lookingAt() ? Long.parseLong(start.group(1)) : -1, false);
        }
    }

    private static void assertEveryIdArrived(FirstArrivals arrivals, List<String> devices, long total, Bridge bridge) {
        List<String> problems = new ArrayList<>();
        devices.forEach(device -> problems.addAll(arrivals.problems(device, 1, total)));
        assertThat(problems)
                .as(
                        "ids 1..%d of %s: %d messages, %d of them duplicates; bridge %s",
                        total,
                        devices,
                        arrivals.messages(),
                        arrivals.duplicates(),
                        bridge.stats().snapshot())
                .isEmpty();
    }
}
