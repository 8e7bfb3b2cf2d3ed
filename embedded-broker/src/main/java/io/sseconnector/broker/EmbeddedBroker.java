package io.sseconnector.broker;

import io.sseconnector.broker.internal.HiveMqBroker;
import java.net.URI;

/**
 * A running MQTT broker inside this process: MQTT 3.1.1 and 5, anonymous, on a loopback TCP
 * listener, sessions and retained messages in memory (they end with the process), no usage
 * statistics sent anywhere.
 */
public interface EmbeddedBroker extends AutoCloseable {
    /**
     * Starts the broker and returns once its listener accepts connections.
     *
     * @throws BrokerStartException the port is taken (and no fallback was allowed), the broker did not
     *     start within {@link BrokerSettings#startTimeout()}, or its files cannot be written
     */
    static EmbeddedBroker start(BrokerSettings settings) {
        return HiveMqBroker.start(settings);
    }

    /** The address it listens on. */
    String host();

    /** The port it listens on: the requested one, or a free one when that was taken or 0 was asked for. */
    int port();

    /** Whether it listens on the requested port (false after a fallback to a free one; true for 0). */
    boolean onRequestedPort();

    /** {@code tcp://host:port}, as {@code mqtt.url} and MQTT clients want it. */
    default URI uri() {
        String address = host().contains(":") ? "[" + host() + "]" : host();
        return URI.create("tcp://" + address + ":" + port());
    }

    /** What runs, for banners: product, version and protocols. */
    String description();

    /**
     * Disconnects every client and stops the broker, waiting at most {@link
     * BrokerSettings#stopTimeout()}. Idempotent.
     */
    @Override
    void close();
}
