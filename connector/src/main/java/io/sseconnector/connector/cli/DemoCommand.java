package io.sseconnector.connector.cli;

import io.sseconnector.connector.admin.AdminServer;
import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import io.sseconnector.connector.config.MqttUrl;
import io.sseconnector.connector.config.ServerConfig;
import io.sseconnector.connector.simulator.CameraSettings;
import io.sseconnector.connector.simulator.CameraSimulator;
import io.sseconnector.server.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sse-connector demo}: the whole bridge with nothing to set up. An embedded MQTT broker, the
 * analytics-camera simulator and the bridge with the seed's five routes, in one process, with the
 * admin endpoints; a banner says where to look and a status line shows the traffic. Ctrl-C or
 * SIGTERM stops it all, prints the statistics and exits 0.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Zero-setup demo: an embedded MQTT broker, the camera simulator and the bridge, in one process.",
            "The bridge has the seed's five routes (events/analytics-camera-01/heartbeat, …/alert, …/alert-dlqc,"
                    + " …/analytics-enabled, …/analytics-disabled; QoS 1; anything else to akri/sse-connector/errors)"
                    + " and serves /health, /ready, /stats and /metrics.",
            "Prints where to look and a live status line on stderr. Ctrl-C stops it cleanly and prints the statistics."
        },
        footer = {
            "",
            "Examples:",
            "  sse-connector demo",
            "  sse-connector demo --rate 200            # a busy camera: 200 events/s",
            "  sse-connector demo --port 9090 --state-dir ./demo-state"
        })
public final class DemoCommand implements Callable<Integer> {
    static final int DEFAULT_ADMIN_PORT = 8090;
    static final int DEFAULT_SIMULATOR_PORT = 8080;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description =
                    "Port of the admin endpoints (default 8090, or a free one when 8090 is taken; 0: a free one).")
    Integer port;

    @Option(
            names = "--simulator-port",
            paramLabel = "PORT",
            description =
                    "Port of the camera simulator (default 8080, or a free one when 8080 is taken; 0: a free one).")
    Integer simulatorPort;

    @Option(
            names = "--broker-port",
            paramLabel = "PORT",
            description =
                    "Port of the embedded MQTT broker (default 1883, or a free one when 1883 is taken; 0: a free one).")
    Integer brokerPort;

    @Option(
            names = "--rate",
            paramLabel = "N",
            description = "Camera events per second, in the seed's mix (default: the seed's real time, a heartbeat"
                    + " every 5 s and alerts at random).")
    Double rate;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where offsets and the broker's files go (default: a temporary folder, removed at exit).")
    Path stateDir;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show the bridge's and the broker's INFO logs.")
    boolean verbose;

    private InProcessBroker broker;
    private CameraSimulator simulator;
    private Bridge bridge;
    private HttpServer admin;
    private ScheduledExecutorService ticker;
    private DemoStatus status;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CameraSettings camera = cameraSettings();
        if (!InProcessBroker.installed()) {
            err.println("sse-connector demo: " + InProcessBroker.MISSING);
            err.flush();
            return 1;
        }
        if (!verbose) {
            Logging.setLevel("io.sseconnector", "WARN");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        boolean temporary = stateDir == null;
        Path state;
        try {
            state = temporary ? Files.createTempDirectory("sse-connector-demo-") : Files.createDirectories(stateDir);
        } catch (IOException e) {
            err.println("sse-connector demo: cannot create the state folder: " + e);
            err.flush();
            return 1;
        }
        try {
            err.println("Starting the embedded MQTT broker (a few seconds) …");
            err.flush();
            int requestedBroker = brokerPort != null ? brokerPort : MqttUrl.EMBEDDED.port();
            broker = InProcessBroker.start(
                    state.resolve("embedded-broker"), requestedBroker, brokerPort == null, verbose);
            simulator = bind(simulatorPort, DEFAULT_SIMULATOR_PORT, p -> CameraSimulator.start(camera.withPort(p)));
            URI events = simulator.eventsUri(DemoSetup.DEVICE);
            bridge = BridgeFactory.create(DemoSetup.config(events, state), broker.uri());
            bridge.start();
            admin = bind(port, DEFAULT_ADMIN_PORT, p -> AdminServer.start(ServerConfig.of(p), bridge));
            printBanner(out, state, temporary, requestedBroker);
            status = new DemoStatus(bridge, err, Terminal.isInteractive(), System::nanoTime);
            ticker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("demo-status").daemon(true).factory());
            ticker.scheduleAtFixedRate(status, 1, 1, TimeUnit.SECONDS);
            stop.await();
            stopStatus();
            err.println("Stopping: draining in-flight deliveries (up to " + DemoSetup.SHUTDOWN_TIMEOUT.toSeconds()
                    + " s) …");
            err.flush();
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            err.println("sse-connector demo: " + e.getMessage());
            err.flush();
            stopAll();
            deleteIfTemporary(state, temporary, err);
            return 1;
        }
        String report = stopAll();
        if (report != null) {
            out.println();
            out.print(report);
        }
        deleteIfTemporary(state, temporary, err);
        out.println("Demo stopped.");
        out.flush();
        return 0;
    }

    private CameraSettings cameraSettings() {
        try {
            CameraSettings settings =
                    CameraSettings.DEFAULTS.withHost("127.0.0.1").withDeviceId(DemoSetup.DEVICE);
            return rate == null ? settings : settings.withRate(rate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * Binds {@code requested}, or {@code fallback} and then any free port when the user did not ask
     * for one: a demo should start even where 8080 or 8090 is busy.
     */
    private static <T> T bind(Integer requested, int fallback, IntFunction<T> start) {
        if (requested != null) {
            return start.apply(requested);
        }
        try {
            return start.apply(fallback);
        } catch (UncheckedIOException taken) {
            return start.apply(0);
        }
    }

    /**
     * Stops in dependency order: the status line, the admin endpoints, the bridge (drains to the
     * broker), the camera, the broker. Returns the statistics block when the bridge's log did not
     * already show it.
     */
    private String stopAll() {
        stopStatus();
        if (admin != null) {
            admin.close();
        }
        String report = null;
        if (bridge != null) {
            bridge.close();
            if (!LoggerFactory.getLogger(Bridge.class).isInfoEnabled()) {
                report = bridge.report();
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        if (broker != null) {
            broker.close();
        }
        return report;
    }

    private void stopStatus() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status.finish();
        ticker = null;
    }

    private void printBanner(PrintWriter out, Path state, boolean temporary, int requestedBroker) {
        URI events = simulator.eventsUri(DemoSetup.DEVICE);
        URI adminBase = URI.create("http://127.0.0.1:" + admin.port());
        CameraSettings camera = simulator.settings();
        String mode = camera.rate() > 0
                ? number(camera.rate()) + " events/s"
                : "real time: a heartbeat every " + Durations.format(camera.heartbeatInterval()) + ", alerts at random";
        out.println();
        out.println("sse-connector demo: a camera, the bridge and an MQTT broker in one process. Ctrl-C stops it.");
        out.println();
        out.println("  camera (SSE)   " + events + "   " + mode);
        out.println("  MQTT broker    " + broker.uri() + "   " + broker.description()
                + (broker.onRequestedPort() ? "" : " (" + requestedBroker + " is taken)"));
        out.println("  admin          " + adminBase.resolve("/health") + "  /ready  /stats  /metrics");
        out.println("  state          " + state + (temporary ? " (removed at exit)" : ""));
        out.println();
        out.println("  routes, QoS 1 (MQTT 5: content type, user properties sse-event, sse-id, device, asset):");
        DemoSetup.ROUTES.forEach((type, topic) -> out.println(String.format("    %-20s -> %s", type, topic)));
        out.println(String.format("    %-20s -> %s", "anything else", DemoSetup.unmatchedTopic()));
        out.println();
        out.println("  try:");
        out.println("    mosquitto_sub -h " + broker.host() + " -p " + broker.port() + " -t 'events/#' -v");
        out.println("    mosquitto_sub -V mqttv5 -h " + broker.host() + " -p " + broker.port()
                + " -t 'events/#' -F '%t %P %p'");
        out.println("    bin/sse-connector tail " + events);
        out.println("    curl -s " + adminBase.resolve("/stats"));
        out.println();
        out.flush();
    }

    /** {@code 200} rather than {@code 200.0}. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void deleteIfTemporary(Path state, boolean temporary, PrintWriter err) {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(state)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("sse-connector demo: could not remove " + state + ": " + e.getMessage());
            err.flush();
        }
    }
}
