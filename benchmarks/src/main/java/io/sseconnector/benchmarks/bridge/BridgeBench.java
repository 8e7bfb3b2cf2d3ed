package io.sseconnector.benchmarks.bridge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One harness run: the shared parts (source, subscriber, event mix), then the phases asked for, each
 * with its own bridge JVM, and the markdown report, printed and optionally written to a file.
 */
public final class BridgeBench {
    /** The phases, in the order they run. */
    public static final List<String> PHASES = List.of("throughput", "latency", "cpu", "fleet");

    private final BenchOptions requested;
    private final Set<String> phases;
    private final Path workDir;

    public BridgeBench(BenchOptions options, Set<String> phases, Path workDir) {
        this.requested = options;
        this.phases = Set.copyOf(phases);
        this.workDir = workDir;
    }

    /** Runs the phases and returns the report. */
    public String run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = ProcessStats.loadAverage();
        List<Double> loads = new ArrayList<>(List.of(loadBefore));
        String prefix = "bench/" + UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(workDir);
        List<ThroughputRun> throughput = List.of();
        List<LatencyRun> latency = List.of();
        List<RateRun> rates = List.of();
        FleetRun fleet = null;
        String bridgeCounters = "";
        int receiveMaximum;
        PrivateBroker ownBroker = requested.privateBroker()
                ? PrivateBroker.start(workDir.resolve("mosquitto"), requested.brokerInflight())
                : null;
        BenchOptions options = ownBroker == null ? requested : requested.withBroker(ownBroker.uri());
        long brokerPid = ownBroker != null
                ? ownBroker.pid()
                : ProcessStats.mosquittoPid().orElse(-1L);
        String brokerText = ownBroker != null
                ? "a private Mosquitto on " + ownBroker.uri() + " ("
                        + PrivateBroker.CONFIG.trim().replace("\n", ", ")
                        + (requested.brokerInflight() > 0
                                ? ", max_inflight_messages " + requested.brokerInflight()
                                : "")
                        + ", otherwise defaults)"
                : "the Mosquitto on " + options.broker() + " (its own configuration)";
        URI broker = options.broker();
        try (ownBroker;
                Progress progress = new Progress();
                SseSource source = new SseSource();
                Subscriber subscriber = new Subscriber(broker.getHost(), broker.getPort(), prefix + "/#")) {
            receiveMaximum = subscriber.receiveMaximum();
            CameraMix mix = CameraMix.generate(8192);
            Rig rig = new Rig(options, mix, source, subscriber, progress, prefix, brokerPid, workDir);
            progress.log(String.format(
                    Locale.ROOT,
                    "bridge harness: broker %s (Mosquitto pid %s), topics %s/#, work dir %s, load average %.2f",
                    broker,
                    brokerPid < 0 ? "not found: its CPU is not reported" : Long.toString(brokerPid),
                    prefix,
                    workDir,
                    loadBefore));
            if (phases.contains("throughput") || phases.contains("latency")) {
                try (SingleDeviceBench single = new SingleDeviceBench(rig)) {
                    progress.log("warming up (bridge and ceiling, both QoS)");
                    single.warmUp();
                    loads.add(ProcessStats.loadAverage());
                    if (phases.contains("throughput")) {
                        throughput = single.throughput();
                        loads.add(ProcessStats.loadAverage());
                    }
                    if (phases.contains("latency")) {
                        latency = single.latency();
                        loads.add(ProcessStats.loadAverage());
                    }
                    BridgeProcess.Status s = single.status();
                    bridgeCounters = String.format(
                            Locale.ROOT,
                            "Bridge counters after these runs: %,d received, %,d delivered, %d send errors, %d"
                                    + " reconnects, %d dropped, %d given up; %d source reconnects.%n",
                            s.received(),
                            s.delivered(),
                            s.errors(),
                            s.reconnects(),
                            s.dropped(),
                            s.givenUp(),
                            source.reconnects());
                }
            }
            if (phases.contains("cpu")) {
                try (EdgeRateBench edge = new EdgeRateBench(rig)) {
                    rates = edge.run();
                    BridgeProcess.Status s = edge.status();
                    bridgeCounters += String.format(
                            Locale.ROOT,
                            "CPU phase bridge counters: %,d received, %,d delivered, %d send errors, %d reconnects,"
                                    + " %d dropped, %d given up.%n",
                            s.received(),
                            s.delivered(),
                            s.errors(),
                            s.reconnects(),
                            s.dropped(),
                            s.givenUp());
                }
                loads.add(ProcessStats.loadAverage());
            }
            if (phases.contains("fleet")) {
                fleet = new FleetBench(rig).run();
                loads.add(ProcessStats.loadAverage());
            }
        }
        String header = String.format(
                Locale.ROOT,
                "Bridge run of %s against %s%s, JDK %s, %d cores, bridge JVM flags `%s`, %.0f s in all, load average %s"
                        + " (1-min, at the start and after each phase).%n",
                Instant.now().toString().substring(0, 10),
                brokerText,
                ", receive maximum granted to clients " + receiveMaximum,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                String.join(" ", options.bridgeJvmArgs()).isEmpty()
                        ? "(defaults)"
                        : String.join(" ", options.bridgeJvmArgs()),
                (System.nanoTime() - started) / 1e9,
                loads.stream().map(l -> String.format(Locale.ROOT, "%.1f", l)).toList());
        String md = header + bridgeCounters + new BridgeReport(throughput, latency, rates, fleet).markdown();
        Files.writeString(workDir.resolve("report.md"), md, StandardCharsets.UTF_8);
        return md;
    }
}
