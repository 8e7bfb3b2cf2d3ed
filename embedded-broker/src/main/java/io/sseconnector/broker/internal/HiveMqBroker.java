package io.sseconnector.broker.internal;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.sseconnector.broker.BrokerSettings;
import io.sseconnector.broker.BrokerStartException;
import io.sseconnector.broker.EmbeddedBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EmbeddedBroker} on HiveMQ Community Edition: a generated {@code config.xml} (one loopback
 * TCP listener, in-memory persistence, usage statistics off) in {@code <directory>/conf}, data in
 * {@code <directory>/data}, an empty extensions folder, and our own logging (HiveMQ's logging
 * bootstrap is skipped, so its loggers follow the application's configuration).
 */
public final class HiveMqBroker implements EmbeddedBroker {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqBroker.class);

    /**
     * HiveMQ waits this long for persistence work before it stops. In memory there is none to wait
     * for, and HiveMQ's 2 s default would be most of every shutdown.
     */
    private static final int SHUTDOWN_GRACE_MS = 100;

    private static final String VERSION = hiveMqVersion();

    private final EmbeddedHiveMQ hivemq;
    private final BrokerSettings settings;
    private final int port;
    private boolean closed;

    private HiveMqBroker(EmbeddedHiveMQ hivemq, BrokerSettings settings, int port) {
        this.hivemq = hivemq;
        this.settings = settings;
        this.port = port;
    }

    public static EmbeddedBroker start(BrokerSettings settings) {
        String host = settings.host();
        int port = choosePort(settings);
        Path conf;
        Path data;
        Path extensions;
        try {
            conf = Files.createDirectories(settings.directory().resolve("conf"));
            data = Files.createDirectories(settings.directory().resolve("data"));
            extensions = Files.createDirectories(settings.directory().resolve("extensions"));
            HiveMqConfigFile.write(conf, host, port, settings.maxQueuedMessages());
        } catch (IOException e) {
            throw new BrokerStartException(
                    "embedded MQTT broker: cannot write its files under " + settings.directory() + ": " + e, e);
        }
        InternalConfigurations.PERSISTENCE_SHUTDOWN_GRACE_PERIOD_MSEC.set(SHUTDOWN_GRACE_MS);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        long started = System.nanoTime();
        try {
            hivemq.start().get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            hivemq.stop(); // in the background: it may never finish either
            throw new BrokerStartException(
                    "embedded MQTT broker did not start on " + host + ":" + port + " within "
                            + settings.startTimeout().toMillis() + " ms",
                    e);
        } catch (ExecutionException e) {
            throw new BrokerStartException(
                    "embedded MQTT broker could not start on " + host + ":" + port + " (is the port in use?): "
                            + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hivemq.stop();
            throw new BrokerStartException("embedded MQTT broker: interrupted while starting", e);
        }
        LOG.debug(
                "embedded MQTT broker ({}) listening on {}:{} after {} ms, files in {}",
                VERSION,
                host,
                port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                settings.directory());
        return new HiveMqBroker(hivemq, settings, port);
    }

    private static int choosePort(BrokerSettings settings) {
        if (settings.port() != 0 && Ports.isFree(settings.host(), settings.port())) {
            return settings.port();
        }
        if (settings.port() != 0 && !settings.fallbackToFreePort()) {
            throw new BrokerStartException(
                    "embedded MQTT broker: " + settings.host() + ":" + settings.port()
                            + " is in use (another broker?); choose another port",
                    null);
        }
        try {
            return Ports.free(settings.host());
        } catch (IOException e) {
            throw new BrokerStartException("embedded MQTT broker: no free port on " + settings.host() + ": " + e, e);
        }
    }

    @Override
    public String host() {
        return settings.host();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean onRequestedPort() {
        return settings.port() == 0 || port == settings.port();
    }

    @Override
    public String description() {
        return "HiveMQ Community Edition " + VERSION + ", MQTT 3.1.1 and 5, in memory";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            hivemq.stop().get(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            hivemq.close();
        } catch (TimeoutException e) {
            LOG.warn(
                    "embedded MQTT broker on port {} did not stop within {} ms; leaving it to the JVM's exit",
                    port,
                    settings.stopTimeout().toMillis());
        } catch (ExecutionException e) {
            LOG.warn(
                    "embedded MQTT broker on port {} failed while stopping: {}",
                    port,
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hiveMqVersion() {
        try (InputStream in = HiveMqBroker.class.getResourceAsStream("broker.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("hivemq.version", "(version unknown)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
