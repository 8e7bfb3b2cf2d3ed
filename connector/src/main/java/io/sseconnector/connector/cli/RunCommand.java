package io.sseconnector.connector.cli;

import io.sseconnector.connector.admin.AdminServer;
import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.LoadResult;
import io.sseconnector.connector.config.MqttUrl;
import io.sseconnector.connector.offset.OffsetReset;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.offset.OffsetsUnreadableException;
import io.sseconnector.server.HttpServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sse-connector run -c FILE}: the bridge (and its admin endpoints when {@code server} is
 * configured) until SIGTERM or Ctrl-C, then a clean shutdown and exit 0.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the bridge from a YAML configuration until SIGTERM or Ctrl-C.",
            "It connects every device, routes each event by type to its destinations, and serves /health,",
            "/ready, /stats, /schemas and /metrics when 'server' is configured.",
            "SIGTERM or Ctrl-C drains in-flight deliveries (shutdownTimeout), saves offsets, prints the",
            "statistics and exits 0. Exit 1 when the configuration is invalid (see 'validate').",
            "The last delivered id per device is kept in state.dir/offsets.json (the file it replaced in"
                    + " offsets.prev.json). When offsets.json cannot be read the previous generation is used, with"
                    + " a warning; when neither can, run exits 1 and starts nothing: restore the file or use"
                    + " --reset-offsets.",
            "mqtt.url 'embedded' starts an MQTT broker inside the process on 127.0.0.1:1883 (a free port when",
            "1883 is taken; the address is printed)."
        },
        footer = {
            "",
            "Examples:",
            "  sse-connector run -c bridge.yaml",
            "  sse-connector run -c bridge.yaml --reset-offsets analytics-camera-01"
        })
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The YAML configuration.")
    Path config;

    @Option(
            names = "--reset-offsets",
            split = ",",
            paramLabel = "DEVICE|all",
            description = "Drops the stored offset of DEVICE (repeatable, or comma-separated) before starting:"
                    + " it starts without Last-Event-ID, at the live edge of its stream. 'all' drops every offset"
                    + " and sets an unreadable offsets.json aside (as offsets.json.corrupt). Written at once: the"
                    + " next start needs no option. A name that is not a configured device is an error.")
    List<String> resetOffsets = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = ConfigLoader.system().load(config);
        if (result instanceof LoadResult.Failed failed) {
            failed.problems().forEach(p -> err.println(p.format(config.toString())));
            err.println("sse-connector run: " + config + " is invalid ("
                    + failed.errors().size() + " error(s)); nothing was started");
            err.flush();
            return 1;
        }
        LoadResult.Loaded loaded = (LoadResult.Loaded) result;
        loaded.warnings().forEach(p -> LOG.warn("config: {}", p.format(config.toString())));
        ConnectorConfig connector = loaded.config();
        OffsetStore offsets;
        try {
            offsets = openOffsets(connector);
        } catch (OffsetsUnreadableException | UncheckedIOException | IllegalArgumentException e) {
            err.println("sse-connector run: " + e.getMessage() + "; nothing was started");
            err.flush();
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        InProcessBroker broker = null;
        URI brokerUrl =
                connector.mqtt().map(m -> URI.create(m.url().toString())).orElse(null);
        if (connector.mqtt().map(m -> m.url().isEmbedded()).orElse(false)) {
            try {
                broker = startEmbeddedBroker(connector, err);
            } catch (IllegalStateException e) {
                err.println("sse-connector run: " + e.getMessage()
                        + (InProcessBroker.installed()
                                ? ""
                                : ", or point mqtt.url at a broker (tcp://127.0.0.1:1883)"));
                err.flush();
                return 1;
            }
            brokerUrl = broker.uri();
        }
        Bridge bridge;
        try {
            bridge = BridgeFactory.create(connector, brokerUrl, offsets);
        } catch (IllegalArgumentException e) {
            err.println("sse-connector run: " + e.getMessage());
            err.flush();
            if (broker != null) {
                broker.close();
            }
            return 1;
        }
        bridge.start();
        HttpServer admin = connector
                .server()
                .map(server -> AdminServer.start(server, bridge))
                .orElse(null);
        if (admin != null) {
            LOG.info(
                    "admin endpoints on http://{}:{}/ (health, ready, stats, schemas, metrics; {})",
                    connector.server().get().host(),
                    admin.port(),
                    connector.server().get().token().isPresent()
                            ? "stats, schemas and metrics need the bearer token of server.auth.token"
                            : "no token");
        }
        stop.await();
        LOG.info(
                "stopping: draining in-flight deliveries (up to {} ms)",
                connector.shutdownTimeout().toMillis());
        if (admin != null) {
            admin.close();
        }
        bridge.close();
        if (broker != null) {
            broker.close();
        }
        return 0;
    }

    /**
     * Opens the stored offsets and applies {@code --reset-offsets}, before anything starts; the
     * bridge runs on the store this returns.
     *
     * @throws IllegalArgumentException a device to reset is not configured
     * @throws OffsetsUnreadableException the offsets cannot be read
     */
    private OffsetStore openOffsets(ConnectorConfig connector) {
        OffsetReset reset = OffsetReset.of(resetOffsets);
        Set<String> unknown = new TreeSet<>(reset.devices());
        connector.devices().forEach(d -> unknown.remove(d.name()));
        if (!unknown.isEmpty()) {
            List<String> known =
                    connector.devices().stream().map(d -> d.name()).sorted().toList();
            throw new IllegalArgumentException("--reset-offsets: no device named " + String.join(", ", unknown) + " in "
                    + config + " (its devices: " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + "; or 'all')");
        }
        return new OffsetStore(connector.state().dir(), reset);
    }

    /** {@code mqtt.url: embedded}: the in-process broker on 127.0.0.1:1883, or a free port when that is taken. */
    private static InProcessBroker startEmbeddedBroker(ConnectorConfig connector, PrintWriter err) {
        InProcessBroker broker = InProcessBroker.start(
                connector.state().dir().resolve("embedded-broker"), MqttUrl.EMBEDDED.port(), true, false);
        err.println("sse-connector run: embedded MQTT broker (" + broker.description() + ") listening on "
                + broker.uri()
                + (broker.onRequestedPort() ? "" : " (" + MqttUrl.EMBEDDED.port() + " is taken)"));
        err.flush();
        return broker;
    }
}
