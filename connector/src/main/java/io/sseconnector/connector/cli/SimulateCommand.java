package io.sseconnector.connector.cli;

import io.sseconnector.connector.simulator.CameraSettings;
import io.sseconnector.connector.simulator.CameraSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sse-connector simulate …}: device simulators. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Simulated SSE devices, for demos, tests and benchmarks.",
        subcommands = {SimulateCommand.Camera.class})
public final class SimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code sse-connector simulate camera}: the seed's analytics camera, with ids, resume, load and faults. */
    @Command(
            name = "camera",
            mixinStandardHelpOptions = true,
            description = {
                "Serves the analytics-camera SSE stream of the seed: HEARTBEAT, ANALYTICS_ENABLED/DISABLED, ALERT and"
                        + " ALERT_DLQC events with SSE ids, resumable by Last-Event-ID (header or ?lastEventId=).",
                "Endpoints: GET /camera-events, GET /cameras/{device_id}/events, GET /health, GET /.",
                "Environment variables PORT, DEVICE_ID, HEARTBEAT_INTERVAL and ALERT_PROBABILITY set the defaults;"
                        + " flags override them. Ctrl-C stops it."
            },
            footer = {
                "",
                "Examples:",
                "  sse-connector simulate camera",
                "  sse-connector simulate camera --port 9000 --heartbeat-interval 500ms --alert-probability 0.5",
                "  sse-connector simulate camera --rate 50000 --seed 42        # load source",
                "  sse-connector simulate camera --devices 3 --disconnect-every 100   # resilience tests"
            })
    static final class Camera implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        /** The process environment; tests swap it. */
        Map<String, String> environment = System.getenv();

        @Option(
                names = "--host",
                paramLabel = "ADDRESS",
                defaultValue = "0.0.0.0",
                description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface, as in the seed).")
        String host;

        @Option(
                names = "--port",
                paramLabel = "PORT",
                description = "Port to listen on; 0 picks a free one (env PORT, default 8080).")
        Integer port;

        @Option(
                names = "--device-id",
                paramLabel = "ID",
                description = "The camera's id (env DEVICE_ID, default analytics-camera-001).")
        String deviceId;

        @Option(
                names = "--heartbeat-interval",
                paramLabel = "DURATION",
                description = "Time between heartbeats: 5 (seconds), 500ms, 1m (env HEARTBEAT_INTERVAL, default 5s).")
        Duration heartbeatInterval;

        @Option(
                names = "--alert-probability",
                paramLabel = "P",
                description = "Chance of an alert per one-second check while analytics is enabled"
                        + " (env ALERT_PROBABILITY, default 0.1).")
        Double alertProbability;

        @Option(
                names = "--history",
                paramLabel = "N",
                defaultValue = "1000",
                description = "Events each camera keeps for resumes (default: ${DEFAULT-VALUE}).")
        int history;

        @Option(
                names = "--rate",
                paramLabel = "N",
                description = "Load mode: N events per second per camera, in the normal mix (default: real time,"
                        + " one check per second).")
        Double rate;

        @Option(
                names = "--seed",
                paramLabel = "S",
                description = "Random seed: the same seed gives the same events and ids.")
        Long seed;

        @Option(
                names = "--devices",
                paramLabel = "K",
                defaultValue = "1",
                description = "Cameras to simulate, each at /cameras/{device_id}/events with its own stream"
                        + " (default: ${DEFAULT-VALUE}).")
        int devices;

        @Option(
                names = "--disconnect-every",
                paramLabel = "N",
                description = "Close each connection after N events; every other connection is cut in the middle of"
                        + " event N+1.")
        Long disconnectEvery;

        @Option(
                names = "--stall-after",
                paramLabel = "N",
                description = "Stop writing to each connection after N events, keeping it open (no more bytes, not"
                        + " even keep-alives).")
        Long stallAfter;

        @Option(
                names = "--keep-alive",
                paramLabel = "DURATION",
                defaultValue = "15s",
                description =
                        "A ':' comment to connections idle this long; 0 turns it off (default: ${DEFAULT-VALUE}).")
        Duration keepAlive;

        @Option(
                names = "--subscriber-buffer",
                paramLabel = "BYTES",
                defaultValue = "4194304",
                description = "How far (unsent bytes) a subscriber may fall behind before it is disconnected; it can"
                        + " resume by id (default: ${DEFAULT-VALUE}).")
        int subscriberBuffer;

        @Override
        public Integer call() {
            CameraSettings settings = settings();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CameraSimulator simulator;
            try {
                simulator = CameraSimulator.start(settings);
            } catch (UncheckedIOException e) {
                err.println("sse-connector simulate camera: " + e.getMessage());
                err.flush();
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        simulator.close();
                        stopped.countDown();
                    },
                    "camera-simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            printBanner(simulator, out);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run
                }
                simulator.close();
            }
            return 0;
        }

        CameraSettings settings() {
            try {
                CameraSettings settings = CameraSettings.fromEnvironment(environment)
                        .withHost(host)
                        .withHistory(history)
                        .withDevices(devices)
                        .withKeepAlive(keepAlive)
                        .withSubscriberBuffer(subscriberBuffer)
                        .withSeed(seed);
                if (port != null) {
                    settings = settings.withPort(port);
                }
                if (deviceId != null) {
                    settings = settings.withDeviceId(deviceId);
                }
                if (heartbeatInterval != null) {
                    settings = settings.withHeartbeatInterval(heartbeatInterval);
                }
                if (alertProbability != null) {
                    settings = settings.withAlertProbability(alertProbability);
                }
                if (rate != null) {
                    settings = settings.withRate(rate);
                }
                if (disconnectEvery != null) {
                    settings = settings.withDisconnectEvery(disconnectEvery);
                }
                if (stallAfter != null) {
                    settings = settings.withStallAfter(stallAfter);
                }
                return settings;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        /** {@code 50000} rather than {@code 50000.0}. */
        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }

        private static void printBanner(CameraSimulator simulator, PrintWriter out) {
            CameraSettings settings = simulator.settings();
            for (String id : simulator.deviceIds()) {
                out.println(id + " streaming on " + simulator.eventsUri(id));
            }
            URI first = simulator.eventsUri(simulator.deviceIds().get(0));
            String mode = settings.rate() > 0
                    ? "load mode: " + number(settings.rate()) + " events/s per camera"
                    : "heartbeat every " + Durations.format(settings.heartbeatInterval()) + ", alert probability "
                            + settings.alertProbability();
            out.println("  " + mode + (settings.seed() != null ? ", seed " + settings.seed() : "") + ", history "
                    + settings.history() + " events");
            if (settings.disconnectEvery() > 0) {
                out.println("  fault: connections close after " + settings.disconnectEvery() + " events");
            }
            if (settings.stallAfter() > 0) {
                out.println("  fault: connections stall after " + settings.stallAfter() + " events");
            }
            out.println("  health: " + simulator.baseUri().resolve("/health"));
            out.println("  watch:  curl -N " + first);
            out.println("          bin/sse-connector tail " + first);
            out.println("  Ctrl-C stops it.");
            out.flush();
        }
    }
}
