package io.sseconnector.benchmarks.manystreams;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many concurrent streams in one process: what sse-client holds per stream (heap after full GCs,
 * resident memory, threads) with N streams open and receiving events, next to
 * okhttp-sse holding as many and the bare Netty transport holding the same N connections. The server ({@link TickServer}) runs in this
 * JVM; each consumer in a fresh JVM of its own ({@link ManyStreamsChild}), so that each process holds
 * N sockets (the file limit here is 20,000 per process).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sseconnector.benchmarks.manystreams.ManyStreamsHarness \
 *     [--streams 10000] [--consumers ours,okhttp-sse,floor-netty] [--timeout 120]
 * </pre>
 */
public final class ManyStreamsHarness {
    private ManyStreamsHarness() {}

    public static void main(String[] args) throws Exception {
        int streams = 10_000;
        List<String> consumers = List.of("ours", "okhttp-sse", "floor-netty");
        int timeoutSeconds = 120;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--streams" -> streams = Integer.parseInt(args[++i]);
                case "--consumers" -> consumers = List.of(args[++i].split(","));
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(
                            "usage: ManyStreamsHarness [--streams 10000] [--consumers ours,okhttp-sse,floor-netty]"
                                    + " [--timeout 120]");
                    System.exit(2);
                }
            }
        }
        List<Map<String, String>> results = new ArrayList<>();
        try (TickServer server = new TickServer()) {
            String uri = "http://127.0.0.1:" + server.port() + "/events";
            for (String consumer : consumers) {
                System.err.printf("%s: opening %,d streams to %s%n", consumer, streams, uri);
                Map<String, String> result = runChild(consumer, uri, streams, timeoutSeconds);
                System.err.printf("%s: %s%n", consumer, result);
                results.add(result);
                waitForDisconnects(server);
            }
        }
        System.out.print(markdown(results));
    }

    private static Map<String, String> runChild(String consumer, String uri, int streams, int timeoutSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (cmd.stream().noneMatch(a -> a.startsWith("-Xmx"))) {
            cmd.add("-Xmx1g");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ManyStreamsChild.class.getName()));
        cmd.addAll(List.of(consumer, uri, Integer.toString(streams), Integer.toString(timeoutSeconds)));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, String> result = new LinkedHashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        result.put(kv[0], kv[1]);
                    }
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result.isEmpty()) {
            throw new IllegalStateException(consumer + " exited with " + exit + " and no result");
        }
        return result;
    }

    /** The next consumer starts against a server that holds no streams from the last one. */
    private static void waitForDisconnects(TickServer server) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (server.openStreams() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    static String markdown(List<Map<String, String>> results) {
        StringBuilder out = new StringBuilder();
        out.append("| consumer | streams | opened | receiving (")
                .append(ManyStreamsChild.EVENTS_EACH)
                .append("+ events each) | failures | all open after | heap per stream | resident per stream"
                        + " | threads added |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String> r : results) {
            int n = Integer.parseInt(r.get("streams"));
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %,d | %s | %s s | %s | %s | %s |%n",
                    r.get("consumer"),
                    n,
                    Integer.parseInt(r.get("opened")),
                    Integer.parseInt(r.get("ready")),
                    r.get("failures"),
                    r.get("openSeconds"),
                    perStream(r.get("heapBytes"), n),
                    perStream(r.get("rssBytes"), n),
                    r.get("threads")));
        }
        return out.toString();
    }

    private static String perStream(String bytes, int streams) {
        return String.format(Locale.ROOT, "%.1f KiB", Long.parseLong(bytes) / 1024.0 / streams);
    }
}
