package io.sseconnector.connector.simulator;

import io.sseconnector.server.HttpServer;
import io.sseconnector.server.Routes;
import io.sseconnector.server.ServerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A running camera simulator: K cameras, each with its own event stream and ids, served over HTTP by
 * sse-server, and an {@link EventPump} that moves them forward. {@link #close()} stops it all.
 */
public final class CameraSimulator implements AutoCloseable {
    private final CameraSettings settings;
    private final Map<String, CameraDevice> devices;
    private final HttpServer server;
    private final ScheduledExecutorService pump;

    private CameraSimulator(
            CameraSettings settings,
            Map<String, CameraDevice> devices,
            HttpServer server,
            ScheduledExecutorService pump) {
        this.settings = settings;
        this.devices = devices;
        this.server = server;
        this.pump = pump;
    }

    /**
     * Creates the cameras, binds the port and starts the events.
     *
     * @throws java.io.UncheckedIOException the port cannot be bound
     */
    public static CameraSimulator start(CameraSettings settings) {
        return start(settings, System::currentTimeMillis);
    }

    static CameraSimulator start(CameraSettings settings, LongSupplier epochMillis) {
        Map<String, CameraDevice> devices = new LinkedHashMap<>();
        SplittableRandom seeds =
                settings.seed() == null ? new SplittableRandom() : new SplittableRandom(settings.seed());
        for (String id : settings.deviceIds()) {
            CameraEventGenerator generator = new CameraEventGenerator(
                    settings.heartbeatInterval(), settings.alertProbability(), seeds.split(), epochMillis);
            devices.put(id, new CameraDevice(id, generator, settings.history()));
        }
        HttpServer server;
        try {
            Routes routes = new CameraEndpoints(settings, Collections.unmodifiableMap(devices), epochMillis).routes();
            server = HttpServer.start(
                    ServerConfig.DEFAULTS
                            .withName("camera-simulator")
                            .withHost(settings.host())
                            .withPort(settings.port())
                            .withKeepAliveInterval(settings.keepAlive())
                            .withMaxPendingBytes(settings.subscriberBuffer()),
                    routes);
        } catch (RuntimeException e) {
            devices.values().forEach(CameraDevice::close);
            throw e;
        }
        ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "camera-event-pump");
            thread.setDaemon(true);
            return thread;
        });
        pump.scheduleAtFixedRate(
                new EventPump(new ArrayList<>(devices.values()), settings.rate(), System::nanoTime),
                0,
                EventPump.PERIOD_MS,
                TimeUnit.MILLISECONDS);
        return new CameraSimulator(settings, devices, server, pump);
    }

    public CameraSettings settings() {
        return settings;
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    public List<String> deviceIds() {
        return List.copyOf(devices.keySet());
    }

    /** The URL people can open: loopback when listening on every interface. */
    public URI baseUri() {
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The events endpoint of a camera: {@code /camera-events} for the first one. */
    public URI eventsUri(String deviceId) {
        String first = devices.keySet().iterator().next();
        return baseUri()
                .resolve(deviceId.equals(first) ? CameraEndpoints.EVENTS : CameraEndpoints.cameraPath(deviceId));
    }

    CameraDevice device(String id) {
        return devices.get(id);
    }

    /** Stops the events, ends every stream cleanly and frees the port. Idempotent. */
    @Override
    public void close() {
        pump.shutdownNow();
        try {
            pump.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        devices.values().forEach(CameraDevice::close);
    }
}
