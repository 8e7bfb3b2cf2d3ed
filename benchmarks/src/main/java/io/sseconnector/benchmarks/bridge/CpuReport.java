package io.sseconnector.benchmarks.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CPU phase's markdown (issue 9 item 8): the bridge JVM's CPU per event at each fixed rate next
 * to Mosquitto's CPU per message in the same window, every window and the median per rate; then the
 * bridge's CPU and sleeps per event by thread, at each rate and in the fleet.
 */
final class CpuReport {
    /** The bars. */
    static final double MICROS_BAR = 12.0;

    static final int MICROS_BAR_RATE = 10_000;
    static final double FLEET_CORES_BAR = 0.25;

    /** Thread groups shown by name; the rest are summed in one row. */
    private static final int THREAD_ROWS = 12;

    private final List<RateRun> runs;
    private final FleetRun fleet;

    CpuReport(List<RateRun> runs, FleetRun fleet) {
        this.runs = List.copyOf(runs);
        this.fleet = fleet;
    }

    List<Integer> rates() {
        return runs.stream().map(RateRun::rate).distinct().sorted().toList();
    }

    List<RateRun> at(int rate) {
        return runs.stream().filter(r -> r.rate() == rate).toList();
    }

    /** The median of the windows at {@code rate}: bridge µs per event. */
    double medianBridgeMicros(int rate) {
        return BridgeReport.median(at(rate), RateRun::bridgeMicros);
    }

    double medianBrokerMicros(int rate) {
        return BridgeReport.median(at(rate), RateRun::brokerMicros);
    }

    void markdown(StringBuilder out) {
        if (!runs.isEmpty()) {
            rateTable(out);
        }
        if (!runs.isEmpty() || fleet != null) {
            threadTable(out);
        }
    }

    private void rateTable(StringBuilder out) {
        RateRun any = runs.get(0);
        out.append(String.format(
                Locale.ROOT,
                "%n#### Bridge CPU per event: one device at fixed rates, QoS 1, %.0f s measured per window%n%n",
                any.seconds()));
        out.append("| events/s | run | events measured | bridge µs CPU/event | Mosquitto µs CPU/message | bridge ÷"
                + " Mosquitto | harness µs CPU/event | bridge cores | bridge sleeps/event | bridge preemptions/event"
                + " | bridge bytes allocated/event | p50 / p99 ms | lost |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int rate : rates()) {
            List<RateRun> windows = at(rate);
            for (RateRun r : windows) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %,d | %d | %,d | %s | %s | %s | %s | %.2f | %.2f | %.2f | %,.0f | %.2f / %.2f | %d |%n",
                        rate,
                        r.run(),
                        r.events(),
                        one(r.bridgeMicros()),
                        one(r.brokerMicros()),
                        ratio(r.bridgeMicros() / r.brokerMicros()),
                        one(r.harnessMicros()),
                        r.bridgeCores(),
                        r.switchesPerEvent(true),
                        r.switchesPerEvent(false),
                        r.allocatedPerEvent(),
                        r.latencies().p50(),
                        r.latencies().p99(),
                        r.lost()));
            }
            double bridge = medianBridgeMicros(rate);
            double broker = medianBrokerMicros(rate);
            out.append(String.format(
                    Locale.ROOT,
                    "| **%,d** | **median** | | **%s** | **%s** | **%s** | %s | %.2f | %.2f | %.2f | %,.0f | | %d |%n",
                    rate,
                    one(bridge),
                    one(broker),
                    ratio(BridgeReport.median(windows, r -> r.bridgeMicros() / r.brokerMicros())),
                    one(BridgeReport.median(windows, RateRun::harnessMicros)),
                    BridgeReport.median(windows, RateRun::bridgeCores),
                    BridgeReport.median(windows, r -> r.switchesPerEvent(true)),
                    BridgeReport.median(windows, r -> r.switchesPerEvent(false)),
                    BridgeReport.median(windows, RateRun::allocatedPerEvent),
                    windows.stream().mapToLong(RateRun::lost).sum()));
        }
        out.append("\nSleeps: voluntary context switches of the bridge JVM's threads (each is a thread going to"
                + " sleep and, later, a wake-up); preemptions: involuntary ones. The harness holds the source and the"
                + " subscriber.\n");
    }

    /** The bridge's CPU µs and sleeps per event by thread group: each rate's windows together, and the fleet. */
    private void threadTable(StringBuilder out) {
        Map<String, Map<String, ThreadCpu.Usage>> columns = new LinkedHashMap<>();
        Map<String, Long> events = new LinkedHashMap<>();
        for (int rate : rates()) {
            String name = String.format(Locale.ROOT, "%,d/s", rate);
            columns.put(name, EdgeRateBench.threadsAt(runs, rate));
            events.put(name, at(rate).stream().mapToLong(RateRun::events).sum());
        }
        if (fleet != null) {
            String name = String.format(Locale.ROOT, "fleet %,d × %s/s", fleet.devices(), number(fleet.rate()));
            columns.put(name, fleet.threadCpu());
            events.put(name, fleet.measuredEvents());
        }
        Set<String> groups = new LinkedHashSet<>();
        for (Map<String, ThreadCpu.Usage> column : columns.values()) {
            groups.addAll(column.keySet()); // each column is sorted by CPU, largest first
        }
        List<String> shown = new ArrayList<>(groups);
        shown.sort((a, b) -> Double.compare(share(columns, events, b), share(columns, events, a)));
        List<String> named = shown.subList(0, Math.min(THREAD_ROWS, shown.size()));
        out.append(
                "\n#### The bridge JVM's CPU by thread: µs CPU per event (of which in the kernel) / sleeps per event\n\n| thread |");
        columns.keySet().forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|");
        columns.keySet().forEach(c -> out.append("---:|"));
        out.append('\n');
        for (String group : named) {
            row(out, '`' + group + '`', columns, events, g -> g.equals(group));
        }
        if (shown.size() > named.size()) {
            row(out, "(other threads)", columns, events, g -> !named.contains(g));
        }
        row(out, "**all threads**", columns, events, g -> true);
    }

    private static void row(
            StringBuilder out,
            String label,
            Map<String, Map<String, ThreadCpu.Usage>> columns,
            Map<String, Long> events,
            java.util.function.Predicate<String> include) {
        out.append("| ").append(label).append(" |");
        columns.forEach((name, column) -> {
            ThreadCpu.Usage sum = ThreadCpu.Usage.ZERO;
            for (Map.Entry<String, ThreadCpu.Usage> e : column.entrySet()) {
                if (include.test(e.getKey())) {
                    sum = sum.plus(e.getValue());
                }
            }
            long n = Math.max(1, events.get(name));
            out.append(String.format(
                    Locale.ROOT,
                    " %.1f (%.1f) / %.2f |",
                    sum.cpuNanos() / 1e3 / n,
                    sum.systemNanos() / 1e3 / n,
                    (double) sum.voluntarySwitches() / n));
        });
        out.append('\n');
    }

    /** A group's largest CPU share in any column, to order the rows. */
    private static double share(
            Map<String, Map<String, ThreadCpu.Usage>> columns, Map<String, Long> events, String group) {
        double max = 0;
        for (Map.Entry<String, Map<String, ThreadCpu.Usage>> c : columns.entrySet()) {
            ThreadCpu.Usage u = c.getValue().get(group);
            if (u != null) {
                max = Math.max(max, (double) u.cpuNanos() / Math.max(1, events.get(c.getKey())));
            }
        }
        return max;
    }

    /** Bars rows: {description, measured, met}. */
    List<String[]> bars() {
        List<String[]> rows = new ArrayList<>();
        if (rates().contains(MICROS_BAR_RATE)) {
            double bridge = medianBridgeMicros(MICROS_BAR_RATE);
            double broker = medianBrokerMicros(MICROS_BAR_RATE);
            rows.add(new String[] {
                String.format(
                        Locale.ROOT,
                        "one device at %,d events/s, QoS 1: bridge ≤ %.0f µs CPU/event",
                        MICROS_BAR_RATE,
                        MICROS_BAR),
                String.format(
                        Locale.ROOT,
                        "%s µs (Mosquitto %s µs/message; bridge ÷ Mosquitto %s)",
                        one(bridge),
                        one(broker),
                        ratio(BridgeReport.median(at(MICROS_BAR_RATE), r -> r.bridgeMicros() / r.brokerMicros()))),
                bridge <= MICROS_BAR ? "yes" : "**no**"
            });
        }
        if (fleet != null) {
            double cores = fleet.bridgeCpuPercent() / 100;
            rows.add(new String[] {
                String.format(
                        Locale.ROOT,
                        "%,d devices × %s events/s: bridge ≤ %.2f of a core",
                        fleet.devices(),
                        number(fleet.rate()),
                        FLEET_CORES_BAR),
                String.format(
                        Locale.ROOT,
                        "%.2f cores (%s µs/event; Mosquitto %.2f cores, %s µs/message)",
                        cores,
                        one(ThroughputRun.micros(fleet.cpu().bridgeNanos(), fleet.measuredEvents())),
                        fleet.brokerCpuPercent() / 100,
                        one(ThroughputRun.micros(fleet.cpu().brokerNanos(), fleet.measuredEvents()))),
                cores <= FLEET_CORES_BAR ? "yes" : "**no**"
            });
        }
        return rows;
    }

    private static String one(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
