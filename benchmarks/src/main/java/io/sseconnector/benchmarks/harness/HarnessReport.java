package io.sseconnector.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The markdown tables: medians per consumer and stream, ratios, and the bars. Every ratio
 * is given twice: on wall-clock events/s (what the bars are written in) and on events per CPU
 * second of the consumer's JVM (its cost per event, which the other work on a shared 2-core
 * machine disturbs far less).
 */
final class HarnessReport {
    private static final String PEER = "okhttp-sse";
    private static final String FLOOR = "floor-netty";
    private static final String JDK_FLOOR = "floor-jdk";
    private static final String EPOLL_FLOOR = "floor-netty-epoll";

    private final Map<HarnessStream, Map<String, List<RunResult>>> results;

    HarnessReport(Map<HarnessStream, Map<String, List<RunResult>>> results) {
        this.results = results;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        for (var entry : results.entrySet()) {
            HarnessStream stream = entry.getKey();
            Map<String, List<RunResult>> byConsumer = entry.getValue();
            RunResult any = byConsumer.values().stream()
                    .flatMap(List::stream)
                    .findFirst()
                    .orElse(null);
            if (any == null) {
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%n### %s (%.1f B/event, %s)%n%n",
                    stream.label(),
                    (double) any.bodyBytes() / any.events(),
                    stream.chunked() ? "one HTTP chunk per event" : "plain body, Connection: close"));
            out.append(
                    "| consumer | events read | events/s (median) | min – max | MB/s | events/CPU-s | kernel share | B alloc/event"
                            + " | × okhttp-sse | × okhttp-sse (CPU) | × floor-netty | × floor-netty (CPU) |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            double peer = median(byConsumer.get(PEER), RunResult::eventsPerSecond);
            double floor = median(byConsumer.get(FLOOR), RunResult::eventsPerSecond);
            double peerCpu = median(byConsumer.get(PEER), RunResult::eventsPerCpuSecond);
            double floorCpu = median(byConsumer.get(FLOOR), RunResult::eventsPerCpuSecond);
            for (var row : byConsumer.entrySet()) {
                List<RunResult> runs = row.getValue();
                if (runs.isEmpty()) {
                    out.append("| ").append(row.getKey()).append(" | failed | | | | | | | | | | |\n");
                    continue;
                }
                double eps = median(runs, RunResult::eventsPerSecond);
                double cpu = median(runs, RunResult::eventsPerCpuSecond);
                double min = runs.stream()
                        .mapToDouble(RunResult::eventsPerSecond)
                        .min()
                        .orElse(0);
                double max = runs.stream()
                        .mapToDouble(RunResult::eventsPerSecond)
                        .max()
                        .orElse(0);
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %s | %s – %s | %,.0f | %s | %.0f %% | %,.0f | %s | %s | %s | %s |%n",
                        row.getKey(),
                        runs.get(0).events(),
                        rate(eps),
                        rate(min),
                        rate(max),
                        median(runs, RunResult::megabytesPerSecond),
                        rate(cpu),
                        100 * median(runs, RunResult::systemShare),
                        median(runs, RunResult::bytesAllocatedPerEvent),
                        ratio(eps, peer),
                        ratio(cpu, peerCpu),
                        ratio(eps, floor),
                        ratio(cpu, floorCpu)));
            }
        }
        return out.toString();
    }

    /** The client bars, measured: ours against okhttp-sse and against our floor. */
    String bars() {
        StringBuilder out = new StringBuilder(
                "\n### Bars\n\n| bar | wall-clock | CPU-normalised | met (wall-clock) |\n|---|---:|---:|---|\n");
        bar(out, HarnessStream.CAMERA, PEER, 2.0, "ours ≥ 2× okhttp-sse, camera");
        bar(out, HarnessStream.CAMERA_CHUNKED, PEER, 2.0, "ours ≥ 2× okhttp-sse, camera, chunk per event");
        bar(out, HarnessStream.TINY, PEER, 3.0, "ours ≥ 3× okhttp-sse, tiny");
        for (HarnessStream s : HarnessStream.values()) {
            bar(out, s, FLOOR, 0.8, "ours ≥ 0.8× floor-netty, " + s.label());
        }
        for (HarnessStream s : HarnessStream.values()) {
            transport(out, s, FLOOR, JDK_FLOOR);
            transport(out, s, EPOLL_FLOOR, FLOOR);
        }
        return out.toString();
    }

    private void transport(StringBuilder out, HarnessStream s, String a, String b) {
        List<RunResult> ra = get(s, a);
        List<RunResult> rb = get(s, b);
        if (!ra.isEmpty() && !rb.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| transport: %s / %s, %s | %s | %s | (context) |%n",
                    a,
                    b,
                    s.label(),
                    ratio(median(ra, RunResult::eventsPerSecond), median(rb, RunResult::eventsPerSecond)),
                    ratio(median(ra, RunResult::eventsPerCpuSecond), median(rb, RunResult::eventsPerCpuSecond))));
        }
    }

    private void bar(StringBuilder out, HarnessStream stream, String against, double bar, String label) {
        List<RunResult> ours = get(stream, "ours");
        List<RunResult> other = get(stream, against);
        if (ours.isEmpty() || other.isEmpty()) {
            return;
        }
        double wall = median(ours, RunResult::eventsPerSecond) / median(other, RunResult::eventsPerSecond);
        double cpu = median(ours, RunResult::eventsPerCpuSecond) / median(other, RunResult::eventsPerCpuSecond);
        out.append(String.format(
                Locale.ROOT, "| %s | %.2f× | %.2f× | %s |%n", label, wall, cpu, wall >= bar ? "yes" : "**no**"));
    }

    private List<RunResult> get(HarnessStream stream, String consumer) {
        return results.getOrDefault(stream, Map.of()).getOrDefault(consumer, List.of());
    }

    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        if (runs == null || runs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = runs.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String rate(double eventsPerSecond) {
        return eventsPerSecond >= 1e6
                ? String.format(Locale.ROOT, "%.2f M", eventsPerSecond / 1e6)
                : String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static List<String> splitList(String csv) {
        return new ArrayList<>(Arrays.asList(csv.split(",")));
    }
}
