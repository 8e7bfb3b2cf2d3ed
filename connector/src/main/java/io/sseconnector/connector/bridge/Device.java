package io.sseconnector.connector.bridge;

import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseListener;
import io.sseconnector.client.SseStream;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.connector.delivery.DeviceDelivery;
import io.sseconnector.connector.delivery.FlowControl;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.stats.DeviceState;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device as the bridge runs it: its SSE stream, what the stream tells (connected, retrying,
 * stopped), and its {@link DeviceDelivery}, which may pause and resume the stream when its buffer
 * fills and drains. A fault while handling one event is logged and never reaches the stream.
 */
public final class Device implements SseListener, FlowControl {
    private static final Logger LOG = LoggerFactory.getLogger(Device.class);

    private final String name;
    private final BridgeStats stats;
    private final DeviceDelivery delivery;
    private volatile SseStream stream;
    private volatile boolean paused;
    private volatile DeviceState connection = DeviceState.initial();

    /** @param delivery builds the device's delivery, given the flow control of this device's stream */
    Device(String name, BridgeStats stats, Function<FlowControl, DeviceDelivery> delivery) {
        this.name = name;
        this.stats = stats;
        this.delivery = delivery.apply(this);
    }

    /** Opens the stream; events may arrive (and pause it) before this returns. */
    void open(SseClient client, SseClientConfig config) {
        SseStream opened = client.open(config, this);
        stream = opened;
        if (paused) {
            opened.pause(); // the delivery asked before the stream was known
        }
    }

    public String name() {
        return name;
    }

    public DeviceDelivery delivery() {
        return delivery;
    }

    /** Connection, reconnects and the last delivered id. */
    public DeviceState state() {
        return connection.delivered(delivery.lastDeliveredId());
    }

    /** Events received and not yet delivered, in memory. */
    public int buffered() {
        return delivery.buffered();
    }

    /** Events waiting in the spill file. */
    public long spilled() {
        return delivery.spilled();
    }

    @Override
    public void pause() {
        paused = true;
        SseStream current = stream;
        if (current != null) {
            current.pause();
        }
    }

    @Override
    public void resume() {
        paused = false;
        SseStream current = stream;
        if (current != null) {
            current.resume();
        }
    }

    void close() {
        SseStream current = stream;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void onSignal(StreamSignal signal) {
        try {
            handle(signal);
        } catch (RuntimeException e) {
            // The delivery guards every stage itself; this is the last line, so the stream goes on.
            LOG.error("device {}: handling {} failed", name, signal.getClass().getSimpleName(), e);
        }
    }

    private void handle(StreamSignal signal) {
        switch (signal) {
            case StreamSignal.Event event -> delivery.accept(event.event());
            case StreamSignal.Skipped skipped ->
                delivery.skipped(
                        skipped.skipped().type(),
                        skipped.skipped().lastEventId(),
                        skipped.skipped().dataBytes(),
                        skipped.skipped().limit().settingName());
            case StreamSignal.Opened opened -> {
                connection = connection.connected(Instant.now());
                LOG.info("device {}: connected to {} (last id '{}')", name, opened.uri(), delivery.lastDeliveredId());
            }
            case StreamSignal.Retrying retrying -> {
                connection = connection.disconnected();
                stats.reconnect();
                LOG.warn(
                        "device {}: {}; reconnecting in {} ms (attempt {}, last delivered id '{}')",
                        name,
                        retrying.reason(),
                        retrying.delay().toMillis(),
                        retrying.attempt(),
                        delivery.lastDeliveredId());
            }
            case StreamSignal.Comment comment -> {
                // keep-alive: the client's idle timer already saw the bytes
            }
            case StreamSignal.Closed closed -> {
                connection = connection.stopped("closed: " + closed.reason());
                LOG.info("device {}: stream closed ({})", name, closed.reason());
            }
            case StreamSignal.Failed failed -> {
                connection = connection.stopped("failed: " + failed.error().getMessage());
                LOG.error(
                        "device {}: stream failed for good: {}",
                        name,
                        failed.error().getMessage());
            }
        }
    }
}
