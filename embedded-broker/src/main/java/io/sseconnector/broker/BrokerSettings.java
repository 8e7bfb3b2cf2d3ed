package io.sseconnector.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded broker. Immutable; variants through the {@code with…} methods.
 *
 * @param host the address to listen on; loopback by default, so nothing outside the machine reaches it
 * @param port the port to listen on (1883 by default); 0 for any free port
 * @param fallbackToFreePort when {@code port} is taken (say by the machine's own Mosquitto), listen on
 *     a free port instead of failing; {@link EmbeddedBroker#port()} tells which
 * @param directory where the broker keeps its generated configuration and data; created when missing
 * @param maxQueuedMessages messages the broker queues per subscriber that is slow or away, before it
 *     drops the oldest
 * @param startTimeout how long {@link EmbeddedBroker#start} waits for the listener
 * @param stopTimeout how long {@link EmbeddedBroker#close} waits for the broker to stop
 */
public record BrokerSettings(
        String host,
        int port,
        boolean fallbackToFreePort,
        Path directory,
        int maxQueuedMessages,
        Duration startTimeout,
        Duration stopTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);

    public BrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("broker host is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be 0..65535, was " + port);
        }
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be >= 1, was " + maxQueuedMessages);
        }
        if (startTimeout.isNegative() || startTimeout.isZero() || stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "start and stop timeouts must be > 0, were " + startTimeout + " and " + stopTimeout);
        }
    }

    /** 127.0.0.1:1883, or a free port when 1883 is taken, keeping its files under {@code directory}. */
    public static BrokerSettings of(Path directory) {
        return new BrokerSettings(
                DEFAULT_HOST,
                DEFAULT_PORT,
                true,
                directory,
                DEFAULT_MAX_QUEUED_MESSAGES,
                DEFAULT_START_TIMEOUT,
                DEFAULT_STOP_TIMEOUT);
    }

    public BrokerSettings withHost(String value) {
        return new BrokerSettings(
                value, port, fallbackToFreePort, directory, maxQueuedMessages, startTimeout, stopTimeout);
    }

    /** Listen on {@code value}; when it is taken, fall back to a free port only if {@code fallback}. */
    public BrokerSettings withPort(int value, boolean fallback) {
        return new BrokerSettings(host, value, fallback, directory, maxQueuedMessages, startTimeout, stopTimeout);
    }

    public BrokerSettings withMaxQueuedMessages(int value) {
        return new BrokerSettings(host, port, fallbackToFreePort, directory, value, startTimeout, stopTimeout);
    }
}
