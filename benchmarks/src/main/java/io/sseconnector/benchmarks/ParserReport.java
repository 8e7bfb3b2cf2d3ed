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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the JSON of a {@link ParserBenchmark} run ({@code -prof gc -rf json}) into the markdown
 * tables of docs/benchmarks.md: events/s and MB/s (the median iteration, robust to the bursts of
 * other work on a shared machine, with the slowest and fastest iterations), bytes allocated per
 * event, the ratio to the fastest peer in the same cell, and the bars.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ParserBenchmark -prof gc -rf json -rff parser.json
 * java -cp benchmarks/target/benchmarks.jar io.sseconnector.benchmarks.ParserReport parser.json
 * </pre>
 */
public final class ParserReport {
    private static final List<String> PEERS = List.of("okhttpSse", "launchDarkly");

    private ParserReport() {}

    /** One consumer in one (stream, chunk) cell, in stream passes per second. */
    private record Cell(double median, double min, double max, double bytesPerOp) {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ParserReport parser.json");
            System.exit(2);
        }
        // "stream/chunk" -> consumer -> cell, in the order JMH ran them
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        for (JsonNode result : root) {
            String benchmark = result.get("benchmark").asString();
            String consumer = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode params = result.get("params");
            String key =
                    params.get("stream").asString() + "/" + params.get("chunk").asString();
            JsonNode percentiles = result.get("primaryMetric").get("scorePercentiles");
            JsonNode alloc = result.get("secondaryMetrics").get("gc.alloc.rate.norm");
            cells.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(
                            consumer,
                            new Cell(
                                    percentiles.get("50.0").asDouble(),
                                    percentiles.get("0.0").asDouble(),
                                    percentiles.get("100.0").asDouble(),
                                    alloc == null
                                            ? Double.NaN
                                            : alloc.get("score").asDouble()));
        }
        System.out.print(markdown(cells));
    }

    static String markdown(Map<String, Map<String, Cell>> cells) {
        StringBuilder out = new StringBuilder();
        Map<String, EncodedStream> streams = new LinkedHashMap<>();
        List<String> bars = new ArrayList<>();
        Map<String, Double> oursMbps = new LinkedHashMap<>();
        out.append("| stream | chunk | consumer | events/s (median) | min – max | MB/s | B allocated/event |"
                + " × fastest peer |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (var entry : cells.entrySet()) {
            String[] key = entry.getKey().split("/");
            String stream = key[0];
            String chunk = key[1];
            EncodedStream encoded = streams.computeIfAbsent(
                    stream, s -> StreamKind.of(s).generateBytes(ParserBenchmark.STREAM_BYTES, ParserBenchmark.SEED));
            Map<String, Cell> byConsumer = entry.getValue();
            double fastestPeer = PEERS.stream()
                    .filter(byConsumer::containsKey)
                    .mapToDouble(p -> byConsumer.get(p).median())
                    .max()
                    .orElse(Double.NaN);
            for (var row : byConsumer.entrySet()) {
                Cell c = row.getValue();
                int events = encoded.events();
                double mbps = c.median() * encoded.bytes().length / 1e6;
                double r = c.median() / fastestPeer;
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s – %s | %,.0f | %,.0f | %.2f× |%n",
                        stream,
                        chunk,
                        row.getKey(),
                        rate(c.median() * events),
                        rate(c.min() * events),
                        rate(c.max() * events),
                        mbps,
                        c.bytesPerOp() / events,
                        r));
                if (row.getKey().equals("ours")) {
                    oursMbps.put(stream + "/" + chunk, mbps);
                    bars.add(String.format(
                            Locale.ROOT,
                            "| ours ≥ 3× fastest peer, %s, %s B chunks | %.2f× | %s |",
                            stream,
                            chunk,
                            r,
                            r >= 3 ? "yes" : "**no**"));
                }
            }
        }
        for (String chunk : List.of("8192", "64")) {
            Double camera = oursMbps.get("camera/" + chunk);
            Double mib = oursMbps.get("1mib/" + chunk);
            if (camera != null && mib != null) {
                double r = Math.max(camera, mib) / Math.min(camera, mib);
                bars.add(String.format(
                        Locale.ROOT,
                        "| ours: MB/s on 1 MiB events within 2× of camera, %s B chunks | %,.0f vs %,.0f MB/s (%.2f×) | %s |",
                        chunk,
                        mib,
                        camera,
                        r,
                        r <= 2 ? "yes" : "**no**"));
            }
        }
        out.append("\n| bar | measured | met |\n|---|---:|---|\n");
        bars.forEach(b -> out.append(b).append('\n'));
        out.append("\nStreams: ");
        streams.forEach((name, s) -> out.append(
                String.format(Locale.ROOT, "%s = %,d events of %.1f B; ", name, s.events(), s.bytesPerEvent())));
        out.append("MB = 10^6 bytes of stream.\n");
        return out.toString();
    }

    private static String rate(double eventsPerSecond) {
        return eventsPerSecond >= 1e6
                ? String.format(Locale.ROOT, "%.2f M", eventsPerSecond / 1e6)
                : String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }
}
