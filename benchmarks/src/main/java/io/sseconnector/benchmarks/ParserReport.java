package io.sseconnector.benchmarks;

import io.sseconnector.benchmarks.parser.ParserBenchmark;
import io.sseconnector.benchmarks.streams.EncodedStream;
import io.sseconnector.benchmarks.streams.StreamKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the JSON of a {@link ParserBenchmark} run into the markdown tables of docs/benchmarks.md:
 * events/s and MB/s (the median iteration, robust to bursts of other work on a shared machine, with
 * the slowest and fastest iterations), events per CPU-second of the benchmark thread (from {@link
 * io.sseconnector.benchmarks.parser.CpuTimeProfiler}), bytes allocated per event, the ratios to the
 * fastest peer in the same cell, and the bars.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ParserBenchmark -prof gc \
 *     -prof io.sseconnector.benchmarks.parser.CpuTimeProfiler -rf json -rff parser.json
 * java -cp benchmarks/target/benchmarks.jar io.sseconnector.benchmarks.ParserReport parser.json
 * </pre>
 */
public final class ParserReport {
    private static final List<String> PEERS = List.of("okhttpSse", "launchDarkly");

    private ParserReport() {}

    /**
     * One parser in one (input, chunk) cell: stream passes per second (median, min, max), CPU
     * nanoseconds and bytes allocated per pass.
     */
    private record Cell(double median, double min, double max, double cpuNanosPerOp, double bytesPerOp) {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ParserReport parser.json");
            System.exit(2);
        }
        // "input/chunk" -> parser -> cell, in the order JMH ran them
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        for (JsonNode result : root) {
            JsonNode params = result.get("params");
            String parser = params.get("parser").asString();
            String key =
                    params.get("input").asString() + "/" + params.get("chunk").asString();
            JsonNode percentiles = result.get("primaryMetric").get("scorePercentiles");
            JsonNode secondary = result.get("secondaryMetrics");
            cells.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(
                            parser,
                            new Cell(
                                    percentiles.get("50.0").asDouble(),
                                    percentiles.get("0.0").asDouble(),
                                    percentiles.get("100.0").asDouble(),
                                    metric(secondary, "cpu.time.norm", true),
                                    metric(secondary, "gc.alloc.rate.norm", false)));
        }
        System.out.print(markdown(cells));
    }

    private static double metric(JsonNode secondary, String name, boolean median) {
        JsonNode m = secondary == null ? null : secondary.get(name);
        if (m == null) {
            return Double.NaN;
        }
        return median
                ? m.get("scorePercentiles").get("50.0").asDouble()
                : m.get("score").asDouble();
    }

    static String markdown(Map<String, Map<String, Cell>> cells) {
        StringBuilder out = new StringBuilder();
        Map<String, EncodedStream> streams = new LinkedHashMap<>();
        List<String> bars = new ArrayList<>();
        Map<String, double[]> oursMbps = new LinkedHashMap<>();
        out.append("| input | chunk | parser | events/s (median) | min – max | MB/s | events/CPU-s | B alloc/event"
                + " | × fastest peer | × fastest peer (CPU) |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var entry : cells.entrySet()) {
            String[] key = entry.getKey().split("/");
            String input = key[0];
            String chunk = key[1];
            EncodedStream encoded = streams.computeIfAbsent(
                    input, s -> StreamKind.of(s).generateBytes(ParserBenchmark.STREAM_BYTES, ParserBenchmark.SEED));
            int events = encoded.events();
            Map<String, Cell> byParser = entry.getValue();
            ToDoubleFunction<Cell> cpuRate = c -> events * 1e9 / c.cpuNanosPerOp();
            double fastestPeer = fastest(byParser, Cell::median);
            double fastestPeerCpu = fastest(byParser, cpuRate);
            for (var row : byParser.entrySet()) {
                Cell c = row.getValue();
                double mbps = c.median() * encoded.bytes().length / 1e6;
                double cpuMbps = cpuRate.applyAsDouble(c) * encoded.bytesPerEvent() / 1e6;
                double r = c.median() / fastestPeer;
                double rCpu = cpuRate.applyAsDouble(c) / fastestPeerCpu;
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s – %s | %,.0f | %s | %,.0f | %.2f× | %.2f× |%n",
                        input,
                        chunk,
                        row.getKey(),
                        rate(c.median() * events),
                        rate(c.min() * events),
                        rate(c.max() * events),
                        mbps,
                        rate(cpuRate.applyAsDouble(c)),
                        c.bytesPerOp() / events,
                        r,
                        rCpu));
                if (row.getKey().equals("ours")) {
                    oursMbps.put(input + "/" + chunk, new double[] {mbps, cpuMbps});
                    bars.add(String.format(
                            Locale.ROOT,
                            "| ours ≥ 3× fastest peer, %s, %s B chunks | %.2f× | %.2f× | %s / %s |",
                            input,
                            chunk,
                            r,
                            rCpu,
                            r >= 3 ? "yes" : "**no**",
                            rCpu >= 3 ? "yes" : "**no**"));
                }
            }
        }
        for (String chunk : List.of("8192", "64")) {
            double[] camera = oursMbps.get("camera/" + chunk);
            double[] mib = oursMbps.get("1mib/" + chunk);
            if (camera != null && mib != null) {
                double r = Math.max(camera[0], mib[0]) / Math.min(camera[0], mib[0]);
                double rCpu = Math.max(camera[1], mib[1]) / Math.min(camera[1], mib[1]);
                bars.add(String.format(
                        Locale.ROOT,
                        "| ours: MB/s on 1 MiB events within 2× of camera, %s B chunks | %,.0f vs %,.0f MB/s (%.2f×)"
                                + " | %,.0f vs %,.0f MB/CPU-s (%.2f×) | %s / %s |",
                        chunk,
                        mib[0],
                        camera[0],
                        r,
                        mib[1],
                        camera[1],
                        rCpu,
                        r <= 2 ? "yes" : "**no**",
                        rCpu <= 2 ? "yes" : "**no**"));
            }
        }
        out.append("\n| bar | wall-clock | CPU-normalised | met (wall / CPU) |\n|---|---:|---:|---|\n");
        bars.forEach(b -> out.append(b).append('\n'));
        out.append("\nInputs: ");
        streams.forEach((name, s) -> out.append(
                String.format(Locale.ROOT, "%s = %,d events of %.1f B; ", name, s.events(), s.bytesPerEvent())));
        out.append("MB = 10^6 bytes of stream.\n");
        return out.toString();
    }

    private static double fastest(Map<String, Cell> byParser, ToDoubleFunction<Cell> f) {
        return PEERS.stream()
                .filter(byParser::containsKey)
                .mapToDouble(p -> f.applyAsDouble(byParser.get(p)))
                .max()
                .orElse(Double.NaN);
    }

    private static String rate(double eventsPerSecond) {
        if (Double.isNaN(eventsPerSecond)) {
            return "–";
        }
        return eventsPerSecond >= 1e6
                ? String.format(Locale.ROOT, "%.2f M", eventsPerSecond / 1e6)
                : String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }
}
