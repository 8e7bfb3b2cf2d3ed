package io.sseconnector.connector.cli;

import io.sseconnector.broker.BrokerSettings;
import io.sseconnector.broker.BrokerStartException;
import io.sseconnector.broker.EmbeddedBroker;
import java.net.URI;
import java.nio.file.Path;

/**
 * The MQTT broker that {@code mqtt.url: embedded} and {@code demo} start inside the process. It
 * lives in its own jar (module {@code embedded-broker}, about 40 MB, put on the classpath by
 * {@code bin/sse-connector}); when that jar is missing, {@link #start} says how to get it instead of
 * failing with a {@link NoClassDefFoundError}.
 *
 * <p>Only {@link Starter} names the broker's classes, so this class loads without them.
 */
final class InProcessBroker implements AutoCloseable {
    static final String MISSING = "the embedded MQTT broker is not on the classpath: build it with"
            + " './mvnw -B package -DskipTests' (module embedded-broker) and run through bin/sse-connector";

    private static final String PROBE_CLASS = "io.sseconnector.broker.EmbeddedBroker";

    /** HiveMQ logs under its package, a few plain names ("migrations" at every start, "event.…") and its libraries'. */
    private static final String[] BROKER_LOGGERS = {"com.hivemq", "migrations", "event", "jetbrains.exodus", "oshi"};

    private final URI uri;
    private final boolean onRequestedPort;
    private final String description;
    private final AutoCloseable broker;

    private InProcessBroker(URI uri, boolean onRequestedPort, String description, AutoCloseable broker) {
        this.uri = uri;
        this.onRequestedPort = onRequestedPort;
        this.description = description;
        this.broker = broker;
    }

    /** Whether the broker's jar is on the classpath. */
    static boolean installed() {
        try {
            Class.forName(PROBE_CLASS, false, InProcessBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /**
     * Starts the broker on 127.0.0.1:{@code port}, or on a free port when that one is taken and
     * {@code fallback} allows it. Its logs stay at WARN unless {@code verbose} (or {@code
     * SSE_BROKER_LOG_LEVEL} says otherwise).
     *
     * @param directory its generated configuration and data
     * @throws IllegalStateException it is not installed or did not start; the message says why
     */
    static InProcessBroker start(Path directory, int port, boolean fallback, boolean verbose) {
        if (!installed()) {
            throw new IllegalStateException(MISSING);
        }
        String level = System.getenv().getOrDefault("SSE_BROKER_LOG_LEVEL", verbose ? "INFO" : "WARN");
        for (String logger : BROKER_LOGGERS) {
            Logging.setLevel(logger, level);
        }
        return Starter.start(directory, port, fallback);
    }

    /** {@code tcp://127.0.0.1:PORT}: where MQTT clients, and the bridge, reach it. */
    URI uri() {
        return uri;
    }

    String host() {
        return uri.getHost();
    }

    int port() {
        return uri.getPort();
    }

    /** False when the requested port was taken and it listens on a free one. */
    boolean onRequestedPort() {
        return onRequestedPort;
    }

    /** Product, version and protocols, for banners. */
    String description() {
        return description;
    }

    /** Stops the broker (its clients are disconnected). Idempotent. */
    @Override
    public void close() {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded MQTT broker did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** The one place that touches the broker's classes. */
    private static final class Starter {
        static InProcessBroker start(Path directory, int port, boolean fallback) {
            try {
                EmbeddedBroker broker =
                        EmbeddedBroker.start(BrokerSettings.of(directory).withPort(port, fallback));
                return new InProcessBroker(broker.uri(), broker.onRequestedPort(), broker.description(), broker);
            } catch (BrokerStartException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
