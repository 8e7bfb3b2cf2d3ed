package io.sseconnector.connector.bridge;

import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.delivery.DeviceDelivery;
import io.sseconnector.connector.destination.mqtt.MqttConnection;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.Router;
import io.sseconnector.connector.schema.InferredSchemas;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.stats.StatisticsReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bridge: one {@link Device} (its SSE stream and its {@link DeviceDelivery}) per
 * device, the shared MQTT connection, the offset store flushed at a bounded frequency, and the
 * periodic statistics block.
 */
public final class Bridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    /**
     * One device as the bridge runs it.
     *
     * @param window events sent and not yet acknowledged, at most
     */
    public record DevicePlan(String name, SseClientConfig client, Router router, BufferConfig buffer, int window) {}

    /** Timing of the bridge's housekeeping. */
    public record Timings(Duration offsetFlushInterval, Duration statsInterval, Duration shutdownTimeout) {
        public static final Timings DEFAULTS =
                new Timings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    /**
     * While devices send, their sockets are read at most once a millisecond: the events that arrived
     * meanwhile are read, routed and published together, which wakes the bridge's threads (and the
     * broker) once per batch instead of once per event. At a few thousand events a second that is
     * most of the CPU the bridge spends; it costs an event up to 1 ms of latency.
     */
    static final Duration DEVICE_POLL_INTERVAL = Duration.ofMillis(1);

    private final List<DevicePlan> plans;
    private final MqttConnection mqtt;
    private final OffsetStore offsets;
    private final BridgeStats stats;
    private final InferredSchemas schemas;
    private final Timings timings;
    private final SseClient client;
    private final ScheduledExecutorService housekeeping;
    private final List<Device> devices = new ArrayList<>();
    private boolean stopped;

    /** @param mqtt the broker connection, or {@code null} when no route publishes to MQTT */
    public Bridge(
            List<DevicePlan> plans,
            MqttConnection mqtt,
            OffsetStore offsets,
            BridgeStats stats,
            InferredSchemas schemas,
            Timings timings) {
        this.plans = List.copyOf(plans);
        this.schemas = schemas;
        this.mqtt = mqtt;
        this.offsets = offsets;
        this.stats = stats;
        this.timings = timings;
        this.client = SseClient.create(0, DEVICE_POLL_INTERVAL);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bridge-housekeeping").daemon(true).factory());
    }

    /** Connects the broker (in the background) and every device, resuming from the stored offsets. */
    public synchronized void start() {
        for (DevicePlan plan : plans) {
            devices.add(new Device(
                    plan.name(),
                    stats,
                    flow -> new DeviceDelivery(
                            plan.name(),
                            plan.router(),
                            plan.buffer(),
                            plan.window(),
                            stats,
                            offsets,
                            housekeeping,
                            spillFile(plan.name()),
                            flow)));
        }
        if (mqtt != null) {
            mqtt.onConnected(() -> devices.forEach(d -> d.delivery().destinationsReady()));
            // Not awaited: the connection retries by itself and logs why an attempt failed; events
            // wait in the buffers meanwhile.
            mqtt.connect();
        }
        for (int i = 0; i < plans.size(); i++) {
            DevicePlan plan = plans.get(i);
            Device device = devices.get(i);
            String stored = offsets.lastDelivered(plan.name());
            SseClientConfig config =
                    stored == null ? plan.client() : plan.client().withLastEventId(stored);
            if (stored != null) {
                device.delivery().resumeFrom(stored);
                LOG.info("device {}: resuming after id '{}'", plan.name(), stored);
            }
            device.open(client, config);
        }
        long flush = timings.offsetFlushInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(offsets::flush, flush, flush, TimeUnit.MILLISECONDS);
        long statsEvery = timings.statsInterval().toMillis();
        housekeeping.scheduleAtFixedRate(
                () -> LOG.info("\n{}", report()), statsEvery, statsEvery, TimeUnit.MILLISECONDS);
        LOG.info("bridge started: {} device(s)", plans.size());
    }

    /** {@code STATE_DIR/spill/DEVICE.spill}, the device name made safe for a file name. */
    private Path spillFile(String device) {
        return offsets.file().resolveSibling("spill").resolve(device.replaceAll("[^A-Za-z0-9._-]", "_") + ".spill");
    }

    /** The statistics block with a line per device. */
    public String report() {
        List<StatisticsReport.DeviceLine> lines = new ArrayList<>();
        for (Device device : devices) {
            lines.add(new StatisticsReport.DeviceLine(device.name(), device.state(), device.buffered()));
        }
        return StatisticsReport.format(stats.snapshot(), lines);
    }

    public BridgeStats stats() {
        return stats;
    }

    /** The schemas learned (or configured) per asset event. */
    public InferredSchemas schemas() {
        return schemas;
    }

    public List<Device> devices() {
        return List.copyOf(devices);
    }

    /** Whether the broker is connected; true when no route publishes to MQTT. */
    public boolean brokerConnected() {
        return mqtt == null || mqtt.isConnected();
    }

    /** Ready: every device connected and, when there is one, the broker connected. */
    public boolean isReady() {
        for (Device device : devices) {
            if (!device.state().connected()) {
                return false;
            }
        }
        return mqtt == null || mqtt.isConnected();
    }

    /**
     * Stops reading, drains in-flight deliveries within the shutdown timeout, persists offsets and
     * logs the statistics block.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        devices.forEach(Device::close);
        long deadline = System.nanoTime() + timings.shutdownTimeout().toNanos();
        int undelivered = 0;
        for (Device device : devices) {
            try {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!device.delivery().awaitDrained(left)) {
                    undelivered += device.buffered();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (undelivered > 0) {
            LOG.warn(
                    "shutdown: {} event(s) not acknowledged within {} ms; they are re-read after the restart"
                            + " (the stored offsets stop before them)",
                    undelivered,
                    timings.shutdownTimeout().toMillis());
        }
        offsets.flush();
        LOG.info("\n{}", report());
        devices.forEach(d -> d.delivery().close());
        housekeeping.shutdownNow();
        if (mqtt != null) {
            mqtt.close();
        }
        client.close();
    }
}
