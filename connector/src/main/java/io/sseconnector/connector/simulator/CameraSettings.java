package io.sseconnector.connector.simulator;

import io.sseconnector.connector.config.Quantities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Everything {@code simulate camera} can be told. Immutable; defaults in {@link #DEFAULTS}, the
 * seed's environment variables applied by {@link #fromEnvironment}, flags by the {@code with…}
 * methods.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param deviceId the first (or only) camera's id
 * @param heartbeatInterval between heartbeats
 * @param alertProbability the chance of an alert per check while analytics is enabled
 * @param history how many of the latest events each camera keeps for resumes
 * @param rate events per second per camera, from the same mix as normal mode; 0 = the seed's real
 *     time (a check every second)
 * @param seed the random seed; {@code null} for a different sequence each run
 * @param devices how many cameras
 * @param disconnectEvery close each connection after this many events (every other one in the
 *     middle of the next event); 0 = never
 * @param stallAfter stop writing to each connection after this many events, keeping it open; 0 =
 *     never
 * @param keepAlive a {@code :} comment to connections idle this long; 0 = none
 * @param subscriberBuffer the most bytes a subscriber may fall behind (unsent, beyond the kernel's
 *     socket buffers) before it is disconnected; it can then resume by id
 */
public record CameraSettings(
        String host,
        int port,
        String deviceId,
        Duration heartbeatInterval,
        double alertProbability,
        int history,
        double rate,
        Long seed,
        int devices,
        long disconnectEvery,
        long stallAfter,
        Duration keepAlive,
        int subscriberBuffer) {

    public static final String ENV_PORT = "PORT";
    public static final String ENV_DEVICE_ID = "DEVICE_ID";
    public static final String ENV_HEARTBEAT_INTERVAL = "HEARTBEAT_INTERVAL";
    public static final String ENV_ALERT_PROBABILITY = "ALERT_PROBABILITY";

    public static final int MAX_DEVICES = 10_000;
    /** About a third of a second at 50,000 events/s; a browser or tail never comes near it. */
    public static final int DEFAULT_SUBSCRIBER_BUFFER = 4 * 1024 * 1024;

    /** The seed's defaults, listening on every interface like the seed's container. */
    public static final CameraSettings DEFAULTS = new CameraSettings(
            "0.0.0.0",
            8080,
            "analytics-camera-001",
            Duration.ofSeconds(5),
            0.1,
            1_000,
            0,
            null,
            1,
            0,
            0,
            Duration.ofSeconds(15),
            DEFAULT_SUBSCRIBER_BUFFER);

    public CameraSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(keepAlive, "keepAlive");
        require(port >= 0 && port <= 65_535, "port must be 0..65535, was " + port);
        require(!deviceId.isBlank(), "device id must not be blank");
        require(heartbeatInterval.toMillis() >= 1, "heartbeat interval must be at least 1ms, was " + heartbeatInterval);
        require(
                alertProbability >= 0 && alertProbability <= 1,
                "alert probability must be between 0 and 1, was " + alertProbability);
        require(history >= 1, "history must be at least 1 event, was " + history);
        require(rate >= 0 && Double.isFinite(rate), "rate must be >= 0 events/s, was " + rate);
        require(devices >= 1 && devices <= MAX_DEVICES, "devices must be 1.." + MAX_DEVICES + ", was " + devices);
        require(disconnectEvery >= 0, "disconnect-every must be >= 0, was " + disconnectEvery);
        require(stallAfter >= 0, "stall-after must be >= 0, was " + stallAfter);
        require(!keepAlive.isNegative(), "keep-alive must not be negative, was " + keepAlive);
        require(subscriberBuffer >= 1024, "subscriber buffer must be at least 1024 bytes, was " + subscriberBuffer);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The defaults with the seed's variables applied: {@code PORT}, {@code DEVICE_ID}, {@code
     * HEARTBEAT_INTERVAL} (seconds, or a duration such as {@code 500ms}), {@code ALERT_PROBABILITY}.
     * Blank values are ignored.
     *
     * @throws IllegalArgumentException a value does not parse; the message names the variable
     */
    public static CameraSettings fromEnvironment(Map<String, String> env) {
        CameraSettings settings = DEFAULTS;
        settings = apply(settings, env, ENV_PORT, (s, v) -> s.withPort(Integer.parseInt(v)));
        settings = apply(settings, env, ENV_DEVICE_ID, CameraSettings::withDeviceId);
        settings = apply(
                settings, env, ENV_HEARTBEAT_INTERVAL, (s, v) -> s.withHeartbeatInterval(Quantities.parseDuration(v)));
        settings = apply(settings, env, ENV_ALERT_PROBABILITY, (s, v) -> s.withAlertProbability(Double.parseDouble(v)));
        return settings;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static CameraSettings apply(
            CameraSettings settings,
            Map<String, String> env,
            String variable,
            BiFunction<CameraSettings, String, CameraSettings> setter) {
        String value = value(env, variable);
        if (value == null) {
            return settings;
        }
        try {
            return setter.apply(settings, value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "environment variable " + variable + "='" + value + "' is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The cameras' ids: the first is {@link #deviceId}; the others count up its trailing number,
     * keeping its width ({@code analytics-camera-001}, {@code -002}, …), or append {@code -2}, {@code
     * -3}… when it has none.
     */
    public List<String> deviceIds() {
        List<String> ids = new ArrayList<>(devices);
        int digits = 0;
        while (digits < deviceId.length() && Character.isDigit(deviceId.charAt(deviceId.length() - 1 - digits))) {
            digits++;
        }
        String stem = deviceId.substring(0, deviceId.length() - digits);
        long first = digits == 0 || digits > 18 ? -1 : Long.parseLong(deviceId.substring(stem.length()));
        for (int i = 0; i < devices; i++) {
            if (i == 0) {
                ids.add(deviceId);
            } else if (first < 0) {
                ids.add(deviceId + "-" + (i + 1));
            } else {
                String number = Long.toString(first + i);
                ids.add(stem + "0".repeat(Math.max(0, digits - number.length())) + number);
            }
        }
        return ids;
    }

    public CameraSettings withHost(String host) {
        return copy(c -> c.host = host);
    }

    public CameraSettings withPort(int port) {
        return copy(c -> c.port = port);
    }

    public CameraSettings withDeviceId(String deviceId) {
        return copy(c -> c.deviceId = deviceId);
    }

    public CameraSettings withHeartbeatInterval(Duration heartbeatInterval) {
        return copy(c -> c.heartbeatInterval = heartbeatInterval);
    }

    public CameraSettings withAlertProbability(double alertProbability) {
        return copy(c -> c.alertProbability = alertProbability);
    }

    public CameraSettings withHistory(int history) {
        return copy(c -> c.history = history);
    }

    public CameraSettings withRate(double rate) {
        return copy(c -> c.rate = rate);
    }

    public CameraSettings withSeed(Long seed) {
        return copy(c -> c.seed = seed);
    }

    public CameraSettings withDevices(int devices) {
        return copy(c -> c.devices = devices);
    }

    public CameraSettings withDisconnectEvery(long disconnectEvery) {
        return copy(c -> c.disconnectEvery = disconnectEvery);
    }

    public CameraSettings withStallAfter(long stallAfter) {
        return copy(c -> c.stallAfter = stallAfter);
    }

    public CameraSettings withKeepAlive(Duration keepAlive) {
        return copy(c -> c.keepAlive = keepAlive);
    }

    public CameraSettings withSubscriberBuffer(int subscriberBuffer) {
        return copy(c -> c.subscriberBuffer = subscriberBuffer);
    }

    /** The fields as variables, for the {@code with…} methods: change one, build a validated copy. */
    private static final class Copy {
        String host;
        int port;
        String deviceId;
        Duration heartbeatInterval;
        double alertProbability;
        int history;
        double rate;
        Long seed;
        int devices;
        long disconnectEvery;
        long stallAfter;
        Duration keepAlive;
        int subscriberBuffer;

        Copy(CameraSettings s) {
            host = s.host;
            port = s.port;
            deviceId = s.deviceId;
            heartbeatInterval = s.heartbeatInterval;
            alertProbability = s.alertProbability;
            history = s.history;
            rate = s.rate;
            seed = s.seed;
            devices = s.devices;
            disconnectEvery = s.disconnectEvery;
            stallAfter = s.stallAfter;
            keepAlive = s.keepAlive;
            subscriberBuffer = s.subscriberBuffer;
        }

        CameraSettings build() {
            return new CameraSettings(
                    host,
                    port,
                    deviceId,
                    heartbeatInterval,
                    alertProbability,
                    history,
                    rate,
                    seed,
                    devices,
                    disconnectEvery,
                    stallAfter,
                    keepAlive,
                    subscriberBuffer);
        }
    }

    private CameraSettings copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }
}
