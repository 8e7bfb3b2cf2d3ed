package io.sseconnector.benchmarks;

import io.sseconnector.benchmarks.bridge.BenchOptions;
import io.sseconnector.benchmarks.bridge.BridgeBench;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bridge benchmark (issue 4): SSE → our bridge → Mosquitto, against a plain MQTT publisher
 * sending the same payloads to the same broker in the same run (the ceiling). Three phases, each
 * with its bridge in a fresh JVM built from a generated YAML config as {@code run -c} builds it:
 * throughput at QoS 0 and 1, added latency at a fixed rate, CPU per event of one device at fixed
 * rates, and many devices at a modest rate (loss, heap per device, CPU, threads, latency). Prints markdown tables and the bars; {@code --help} lists
 * the options.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sseconnector.benchmarks.BridgeHarness
 * </pre>
 */
@Command(
        name = "BridgeHarness",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks the bridge (SSE -> bridge -> MQTT broker) against a plain MQTT publisher (the"
                    + " ceiling) on the same broker in the same run: throughput, added latency, CPU per event at fixed rates, many devices.",
            "Needs Mosquitto: --broker (anonymous clients allowed), or --private-broker to start one.",
            "Every phase is bounded: it stops by itself, and so does each bridge JVM it starts."
        })
public final class BridgeHarness implements Callable<Integer> {
    @Option(
            names = "--broker",
            defaultValue = "tcp://127.0.0.1:1883",
            description = "The broker (default: ${DEFAULT-VALUE}).")
    URI broker;

    @Option(
            names = "--private-broker",
            description = "Start a Mosquitto of its own on a free loopback port (set_tcp_nodelay true,"
                    + " max_queued_messages 100000, otherwise defaults) instead of using --broker.")
    boolean privateBroker;

    @Option(
            names = "--broker-inflight",
            defaultValue = "0",
            description = "With --private-broker: its max_inflight_messages, which Mosquitto also grants"
                    + " publishers as their receive maximum (default: Mosquitto's, 20).")
    int brokerInflight;

    @Option(
            names = "--phases",
            defaultValue = "throughput,latency,cpu,fleet",
            split = ",",
            description = "Phases to run, of throughput, latency, cpu, fleet (default: ${DEFAULT-VALUE}).")
    List<String> phases;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Throughput: alternating bridge/ceiling runs per QoS (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--events",
            defaultValue = "100000",
            description = "Throughput: events per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--warmup-events",
            defaultValue = "50000",
            description = "Throughput and latency: events per warm-up burst; two bursts per path and QoS"
                    + " (default: ${DEFAULT-VALUE}).")
    int warmupEvents;

    @Option(
            names = "--window",
            defaultValue = "1000",
            description = "The ceiling publisher's unacknowledged publishes, at most; the bridge's per-device"
                    + " window is 1000 (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--latency-rate",
            defaultValue = "1000",
            description = "Latency: events/s (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(
            names = "--latency-warmup",
            defaultValue = "5s",
            description = "Latency: paced warm-up, not measured (default: ${DEFAULT-VALUE}).")
    String latencyWarmup;

    @Option(
            names = "--latency-seconds",
            defaultValue = "30s",
            description = "Latency: measured time per path and QoS (default: ${DEFAULT-VALUE}).")
    String latencyMeasure;

    @Option(
            names = "--devices",
            defaultValue = "1000",
            description = "Fleet: devices in one bridge (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(
            names = "--device-rate",
            defaultValue = "10",
            description = "Fleet: events/s per device (default: ${DEFAULT-VALUE}).")
    double deviceRate;

    @Option(
            names = "--fleet-warmup",
            defaultValue = "30s",
            description = "Fleet: warm-up, not measured (default: ${DEFAULT-VALUE}).")
    String fleetWarmup;

    @Option(
            names = "--fleet-seconds",
            defaultValue = "60s",
            description = "Fleet: measured time (default: ${DEFAULT-VALUE}).")
    String fleetMeasure;

    @Option(
            names = "--cpu-rates",
            defaultValue = "3000,10000",
            split = ",",
            description = "CPU: the rates one device is measured at, events/s (default: ${DEFAULT-VALUE}).")
    List<Integer> cpuRates;

    @Option(
            names = "--cpu-runs",
            defaultValue = "3",
            description = "CPU: rounds over the rates, the order alternating (default: ${DEFAULT-VALUE}).")
    int cpuRuns;

    @Option(
            names = "--cpu-warmup",
            defaultValue = "10s",
            description = "CPU: paced at the highest rate first, not measured (default: ${DEFAULT-VALUE}).")
    String cpuWarmup;

    @Option(
            names = "--cpu-settle",
            defaultValue = "3s",
            description = "CPU: each window's unmeasured start (default: ${DEFAULT-VALUE}).")
    String cpuSettle;

    @Option(
            names = "--cpu-seconds",
            defaultValue = "15s",
            description = "CPU: each window's measured part (default: ${DEFAULT-VALUE}).")
    String cpuMeasure;

    @Option(
            names = "--bridge-jvm-args",
            defaultValue = "",
            description = "Flags for the bridge JVMs, space-separated, e.g. '-Xmx1g"
                    + " -XX:StartFlightRecording=filename=bridge.jfr' (default: none, as bin/sse-connector).")
    String bridgeJvmArgs;

    @Option(
            names = "--work-dir",
            description = "Where the bridges' configs, state, logs and report.md go (default: a new temporary"
                    + " directory).")
    Path workDir;

    @Option(names = "--out", description = "Also write the markdown report to this file.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BridgeHarness()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<String> selected = new LinkedHashSet<>();
        for (String phase : phases) {
            if (!BridgeBench.PHASES.contains(phase.trim())) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "unknown phase '" + phase + "'; phases are " + BridgeBench.PHASES);
            }
            selected.add(phase.trim());
        }
        BenchOptions options = new BenchOptions(
                broker,
                privateBroker,
                brokerInflight,
                runs,
                events,
                warmupEvents,
                window,
                latencyRate,
                duration(latencyWarmup),
                duration(latencyMeasure),
                devices,
                deviceRate,
                duration(fleetWarmup),
                duration(fleetMeasure),
                cpuRates,
                cpuRuns,
                duration(cpuWarmup),
                duration(cpuSettle),
                duration(cpuMeasure),
                bridgeJvmArgs.isBlank()
                        ? List.of()
                        : Arrays.asList(bridgeJvmArgs.trim().split("\\s+")));
        Path dir = workDir != null ? workDir : Files.createTempDirectory("bridge-harness-");
        String md = new BridgeBench(options, selected, dir).run();
        System.out.println(md);
        if (out != null) {
            Files.writeString(out, md);
        }
        return 0;
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}. */
    static Duration duration(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
    }
}
