package io.sseconnector.benchmarks.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The markdown of a harness run: throughput (medians of the alternating runs, bridge over ceiling),
 * latency percentiles for both paths, the fleet, and the bars, met or not.
 */
final class BridgeReport {
    /** The bars. */
    static final double THROUGHPUT_BAR = 0.80;

    static final double P99_BAR_MS = 5.0;

    private final List<ThroughputRun> throughput;
    private final List<LatencyRun> latency;
    private final FleetRun fleet;
    private final CpuReport cpu;

    BridgeReport(List<ThroughputRun> throughput, List<LatencyRun> latency, List<RateRun> rates, FleetRun fleet) {
        this.throughput = List.copyOf(throughput);
        this.latency = List.copyOf(latency);
        this.fleet = fleet;
        this.cpu = new CpuReport(rates, fleet);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        if (!throughput.isEmpty()) {
            throughputTable(out);
        }
        if (!latency.isEmpty()) {
            latencyTable(out);
        }
        if (fleet != null) {
            fleetTable(out);
        }
        cpu.markdown(out);
        bars(out);
        return out.toString();
    }

    private void throughputTable(StringBuilder out) {
        ThroughputRun any = throughput.get(0);
        out.append(String.format(
                Locale.ROOT,
                "%n#### Throughput (%,d camera events per run, full speed, one device)%n%n",
                any.events()));
        out.append(
                "| QoS | path | runs | events/s (median) | min – max | × ceiling | per-run ratios | lost | duplicates"
                        + " | bridge JVM µs CPU/event | Mosquitto µs CPU/event | harness µs CPU/event |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int qos = 0; qos <= 1; qos++) {
            List<ThroughputRun> bridge = runs(ThroughputRun.BRIDGE, qos);
            List<ThroughputRun> ceiling = runs(ThroughputRun.CEILING, qos);
            double ceilingRate = median(ceiling, ThroughputRun::eventsPerSecond);
            String pairs = pairRatios(bridge, ceiling);
            for (List<ThroughputRun> runs : List.of(bridge, ceiling)) {
                if (runs.isEmpty()) {
                    continue;
                }
                double rate = median(runs, ThroughputRun::eventsPerSecond);
                boolean isBridge = runs == bridge;
                out.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %d | %s | %s – %s | %s | %s | %d | %d | %s | %s | %s |%n",
                        qos,
                        runs.get(0).path(),
                        runs.size(),
                        count(rate),
                        count(min(runs)),
                        count(max(runs)),
                        ratio(rate / ceilingRate),
                        isBridge ? pairs : "",
                        runs.stream().mapToLong(ThroughputRun::lost).sum(),
                        runs.stream().mapToLong(ThroughputRun::duplicates).sum(),
                        isBridge ? micros(runs, r -> r.cpu().bridgeNanos()) : "–",
                        micros(runs, r -> r.cpu().brokerNanos()),
                        micros(runs, r -> r.cpu().harnessNanos())));
            }
        }
    }

    /** The bridge/ceiling ratio of each run (the two bursts of one run are back to back), min – max. */
    private static String pairRatios(List<ThroughputRun> bridge, List<ThroughputRun> ceiling) {
        int n = Math.min(bridge.size(), ceiling.size());
        if (n == 0) {
            return "";
        }
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = bridge.get(i).eventsPerSecond() / ceiling.get(i).eventsPerSecond();
        }
        Arrays.sort(ratios);
        return ratio(ratios[0]) + " – " + ratio(ratios[n - 1]);
    }

    private void latencyTable(StringBuilder out) {
        LatencyRun any = latency.get(0);
        out.append(String.format(
                Locale.ROOT,
                "%n#### Latency, SSE write (or ceiling publish) → subscriber receipt, %,d events/s, %.0f s measured after"
                        + " a warm-up%n%n",
                any.rate(),
                any.latencies().count() / (double) any.rate()));
        out.append("| QoS | path | events measured | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | lost | duplicates"
                + " | bridge JVM CPU | Mosquitto CPU |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int qos = 0; qos <= 1; qos++) {
            for (String path : List.of(ThroughputRun.BRIDGE, ThroughputRun.CEILING)) {
                for (LatencyRun r : latency) {
                    if (r.qos() != qos || !r.path().equals(path)) {
                        continue;
                    }
                    Latencies l = r.latencies();
                    out.append(String.format(
                            Locale.ROOT,
                            "| %d | %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d | %s | %s |%n",
                            qos,
                            path,
                            l.count(),
                            l.p50(),
                            l.p90(),
                            l.p99(),
                            l.p999(),
                            l.max(),
                            r.lost(),
                            r.duplicates(),
                            path.equals(ThroughputRun.BRIDGE) ? percent(r.cpu().bridgeNanos(), r.seconds()) : "–",
                            percent(r.cpu().brokerNanos(), r.seconds())));
                }
            }
        }
        out.append("\nCPU: % of one core over the window, warm-up included.\n");
    }

    private void fleetTable(StringBuilder out) {
        FleetRun f = fleet;
        Latencies l = f.latencies();
        out.append(String.format(
                Locale.ROOT,
                "%n#### %,d devices × %s events/s, QoS 1, %.0f s measured after %.0f s of warm-up%n%n",
                f.devices(),
                number(f.rate()),
                f.measuredSeconds(),
                f.warmupSeconds()));
        out.append("| measure | value |\n|---|---:|\n");
        row(out, "events written (warm-up included)", String.format(Locale.ROOT, "%,d", f.written()));
        row(out, "lost (by device and id)", Long.toString(f.lost()));
        row(out, "duplicates", Long.toString(f.duplicates()));
        row(out, "bridge reconnects to the devices", Integer.toString(f.reconnects()));
        row(out, "delivered events/s (measured window)", String.format(Locale.ROOT, "%,.0f", f.deliveredPerSecond()));
        row(
                out,
                "latency p50 / p90 / p99 / max",
                String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f ms", l.p50(), l.p90(), l.p99(), l.max()));
        StringBuilder slices = new StringBuilder();
        for (Latencies slice : f.slices()) {
            slices.append(slices.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.1f", slice.p99()));
        }
        row(out, "latency p99 by " + FleetBench.SLICE.toSeconds() + " s of the window, ms", slices.toString());
        row(out, "bridge JVM CPU (measured window)", coreShare(f.bridgeCpuPercent()));
        row(out, "Mosquitto CPU (measured window)", coreShare(f.brokerCpuPercent()));
        row(
                out,
                "bridge JVM µs CPU per event / Mosquitto µs CPU per message",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f",
                        ThroughputRun.micros(f.cpu().bridgeNanos(), f.measuredEvents()),
                        ThroughputRun.micros(f.cpu().brokerNanos(), f.measuredEvents())));
        row(
                out,
                "bridge JVM bytes allocated per event",
                String.format(Locale.ROOT, "%,.0f", (double) f.allocatedBytes() / f.measuredEvents()));
        row(out, "bridge JVM threads", Integer.toString(f.threads()));
        row(out, "used heap after full GC: no device (baseline JVM)", mib(f.heapBaseline()));
        row(out, "… devices connected, before any event", mib(f.heapConnected()));
        row(out, "… at the end of the window, events flowing", mib(f.heapStreaming()));
        row(out, "… after the devices stopped and all was delivered", mib(f.heapDrained()));
        row(
                out,
                "**heap per device** (drained − baseline) / devices",
                String.format(Locale.ROOT, "**%s**", kib(f.heapPerDevice())));
        row(out, "heap per device, connected before any event", kib(f.heapPerDeviceConnected()));
        row(out, "heap per device, events flowing", kib(f.heapPerDeviceStreaming()));
        row(out, "resident memory (RSS) per device, (fleet − baseline) / devices", kib(f.rssPerDevice()));
    }

    private void bars(StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        for (int qos = 0; qos <= 1; qos++) {
            List<ThroughputRun> bridge = runs(ThroughputRun.BRIDGE, qos);
            List<ThroughputRun> ceiling = runs(ThroughputRun.CEILING, qos);
            if (bridge.isEmpty() || ceiling.isEmpty()) {
                continue;
            }
            double r = median(bridge, ThroughputRun::eventsPerSecond) / median(ceiling, ThroughputRun::eventsPerSecond);
            long lost = bridge.stream().mapToLong(ThroughputRun::lost).sum();
            rows.add(new String[] {
                "throughput QoS " + qos + ": bridge ≥ 80 % of the ceiling"
                        + (qos == 0 ? " (the issue sets it for QoS 1)" : ""),
                String.format(Locale.ROOT, "%.0f %%%s", 100 * r, lost > 0 ? ", " + lost + " lost" : ""),
                qos == 1 ? yesNo(r >= THROUGHPUT_BAR && lost == 0) : "(context)"
            });
        }
        for (LatencyRun run : latency) {
            if (!run.path().equals(ThroughputRun.BRIDGE)) {
                continue;
            }
            double p99 = run.latencies().p99();
            rows.add(new String[] {
                String.format(Locale.ROOT, "latency QoS %d at %,d events/s: p99 ≤ 5 ms", run.qos(), run.rate()),
                String.format(Locale.ROOT, "%.2f ms", p99),
                yesNo(p99 <= P99_BAR_MS && run.lost() == 0)
            });
        }
        if (fleet != null) {
            rows.add(new String[] {
                String.format(Locale.ROOT, "%,d devices × %s events/s: no loss", fleet.devices(), number(fleet.rate())),
                String.format(Locale.ROOT, "%,d lost of %,d", fleet.lost(), fleet.written()),
                yesNo(fleet.lost() == 0)
            });
            rows.add(new String[] {"heap per device reported", kib(fleet.heapPerDevice()), "yes"});
        }
        rows.addAll(cpu.bars());
        if (rows.isEmpty()) {
            return;
        }
        out.append("\n#### Bars\n\n| bar | measured | met |\n|---|---:|---|\n");
        for (String[] row : rows) {
            out.append("| ")
                    .append(row[0])
                    .append(" | ")
                    .append(row[1])
                    .append(" | ")
                    .append(row[2])
                    .append(" |\n");
        }
    }

    private List<ThroughputRun> runs(String path, int qos) {
        return throughput.stream()
                .filter(r -> r.path().equals(path) && r.qos() == qos)
                .toList();
    }

    static <T> double median(List<T> runs, ToDoubleFunction<T> f) {
        if (runs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = runs.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double min(List<ThroughputRun> runs) {
        return runs.stream().mapToDouble(ThroughputRun::eventsPerSecond).min().orElse(Double.NaN);
    }

    private static double max(List<ThroughputRun> runs) {
        return runs.stream().mapToDouble(ThroughputRun::eventsPerSecond).max().orElse(Double.NaN);
    }

    private static String micros(List<ThroughputRun> runs, ToDoubleFunction<ThroughputRun> cpuNanos) {
        double m = median(runs, r -> ThroughputRun.micros((long) cpuNanos.applyAsDouble(r), r.events()));
        return Double.isNaN(m) ? "–" : String.format(Locale.ROOT, "%.1f", m);
    }

    private static String percent(long cpuNanos, double seconds) {
        return cpuNanos < 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * cpuNanos / (seconds * 1e9));
    }

    private static String coreShare(double percent) {
        return Double.isNaN(percent) ? "–" : String.format(Locale.ROOT, "%.0f %% of one core", percent);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String count(double eventsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
