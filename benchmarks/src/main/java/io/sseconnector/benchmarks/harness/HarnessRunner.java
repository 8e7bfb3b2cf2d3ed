package io.sseconnector.benchmarks.harness;

import io.sseconnector.benchmarks.streams.EncodedStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The parent side of the harness: starts the loopback server, then for each run, each stream and
 * each consumer (rotated every run, so no consumer always goes first) launches a fresh child JVM
 * with this JVM's flags, collects its RESULT line and prints the medians as markdown.
 */
public final class HarnessRunner {
    private final Map<String, String> opts;

    private HarnessRunner(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        if (opts.containsKey("help")) {
            System.out.println(USAGE);
            return;
        }
        if (opts.containsKey("child")) {
            ChildRun.run(opts);
            return;
        }
        new HarnessRunner(opts).run();
    }

    /** Long enough for C2 to finish the hot paths of every consumer (measured with -XX:+PrintCompilation). */
    private static final String DEFAULT_WARMUP_SECONDS = "3";

    private static final String USAGE = """
            ClientThroughputHarness [--runs 5] [--streams camera,camera-chunked,tiny,1mib]
                [--consumers ours,okhttp-sse,okhttp-eventsource,webclient,floor-netty,floor-jdk]
                [--scale 1.0] [--warmup 0.1] [--warmup-seconds 3] [--timeout 180] [--out results.md]
            Each (run, stream, consumer) is a fresh JVM with this JVM's flags (plus -Xms512m -Xmx512m
            -XX:+AlwaysPreTouch when no -Xmx is given): warm-up reads of warmup x the stream, repeated
            for at least warmup-seconds, then the measured read. Three seconds let C2 finish compiling the
            hot paths of every consumer here, so the measured read sees steady state, not the JIT at work.
            --scale multiplies the measured stream lengths (webclient reads 1/4 of each stream).""";

    private void run() throws Exception {
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        double scale = Double.parseDouble(opts.getOrDefault("scale", "1"));
        double warmupScale = Double.parseDouble(opts.getOrDefault("warmup", "0.1"));
        long timeout = Long.parseLong(opts.getOrDefault("timeout", "180"));
        List<HarnessStream> streams = new ArrayList<>();
        for (String s : HarnessReport.splitList(opts.getOrDefault("streams", "camera,camera-chunked,tiny,1mib"))) {
            streams.add(HarnessStream.of(s));
        }
        List<String> consumers =
                HarnessReport.splitList(opts.getOrDefault("consumers", String.join(",", Consumer.ALL)));
        List<String> jvmArgs = childJvmArgs();

        Map<HarnessStream, EncodedStream> blocks = new EnumMap<>(HarnessStream.class);
        for (HarnessStream s : streams) {
            blocks.put(s, s.block());
        }
        Map<HarnessStream, Map<String, List<RunResult>>> results = new EnumMap<>(HarnessStream.class);
        for (HarnessStream s : streams) {
            Map<String, List<RunResult>> byConsumer = new LinkedHashMap<>();
            consumers.forEach(c -> byConsumer.put(c, new ArrayList<>()));
            results.put(s, byConsumer);
        }
        long started = System.nanoTime();
        try (LoopbackServer server = new LoopbackServer(blocks)) {
            for (int run = 0; run < runs; run++) {
                for (HarnessStream stream : streams) {
                    EncodedStream block = blocks.get(stream);
                    for (int k = 0; k < consumers.size(); k++) {
                        String consumer = consumers.get((k + run) % consumers.size());
                        double length = scale * lengthFactor(consumer);
                        int repeats = stream.repeats(length);
                        int warmupRepeats = stream.repeats(length * warmupScale);
                        List<String> cmd = new ArrayList<>();
                        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString());
                        cmd.addAll(jvmArgs);
                        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
                        cmd.add("io.sseconnector.benchmarks.ClientThroughputHarness");
                        cmd.addAll(List.of(
                                "--child",
                                "true",
                                "--consumer",
                                consumer,
                                "--warmup-seconds",
                                opts.getOrDefault("warmup-seconds", DEFAULT_WARMUP_SECONDS)));
                        addExpect(cmd, "warmup-", server, stream, block, warmupRepeats);
                        addExpect(cmd, "", server, stream, block, repeats);
                        RunResult r = launch(cmd, stream, consumer, block, repeats, timeout);
                        String line = r == null
                                ? "FAILED"
                                : String.format(
                                        Locale.ROOT,
                                        "%,12.0f events/s %,7.0f MB/s %,8.0f B/event %,12.0f events/CPU-s",
                                        r.eventsPerSecond(),
                                        r.megabytesPerSecond(),
                                        r.bytesAllocatedPerEvent(),
                                        r.eventsPerCpuSecond());
                        System.err.printf(
                                Locale.ROOT,
                                "run %d/%d %-15s %-19s %s%n",
                                run + 1,
                                runs,
                                stream.label(),
                                consumer,
                                line);
                        if (r != null) {
                            results.get(stream).get(consumer).add(r);
                        }
                    }
                }
            }
        }
        HarnessReport report = new HarnessReport(results);
        String md = String.format(
                        Locale.ROOT,
                        "Client throughput over loopback, %s, JDK %s, %d cores, %d runs per cell (median), child JVM flags: `%s`, %.0f s in all.%n",
                        Instant.now().toString().substring(0, 10),
                        System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(),
                        runs,
                        String.join(" ", jvmArgs),
                        (System.nanoTime() - started) / 1e9)
                + report.markdown()
                + report.bars();
        System.out.println(md);
        if (opts.containsKey("out")) {
            Files.writeString(Path.of(opts.get("out")), md, StandardCharsets.UTF_8);
        }
    }

    private static void addExpect(
            List<String> cmd,
            String prefix,
            LoopbackServer server,
            HarnessStream stream,
            EncodedStream block,
            int repeats) {
        cmd.addAll(List.of(
                "--" + prefix + "url", server.uri(stream, repeats).toString(),
                "--" + prefix + "events", Long.toString((long) block.events() * repeats),
                "--" + prefix + "data-length", Long.toString(block.dataLength() * repeats),
                "--" + prefix + "body-bytes", Long.toString((long) block.bytes().length * repeats)));
    }

    private static RunResult launch(
            List<String> cmd, HarnessStream stream, String consumer, EncodedStream block, int repeats, long timeout)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        RunResult result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Thread killer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                        System.err.println(
                                consumer + " on " + stream.label() + ": no result after " + timeout + " s, killed");
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(ChildRun.RESULT + " ")) {
                    String[] f = line.split(" ");
                    result = new RunResult(
                            stream,
                            consumer,
                            (long) block.events() * repeats,
                            (long) block.bytes().length * repeats,
                            Long.parseLong(f[1]),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]));
                } else {
                    System.err.println("  [" + consumer + "] " + line);
                }
            }
            killer.interrupt();
        }
        int status = p.waitFor();
        return status == 0 ? result : null;
    }

    /**
     * WebClient reads a quarter of each stream: it is 5-10x slower than the others, and a full
     * stream would take it 5-10 s per run for no better median.
     */
    static double lengthFactor(String consumer) {
        return consumer.equals("webclient") ? 0.25 : 1.0;
    }

    /** This JVM's flags, plus a fixed pre-touched heap and native access for Netty when not given. */
    private static List<String> childJvmArgs() {
        List<String> args = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (args.stream().noneMatch(a -> a.startsWith("-Xmx"))) {
            // A fixed heap, touched up front: a fresh JVM otherwise pays a page fault for every
            // 4 KiB of heap it allocates into for the first time (in this VM a third of the CPU
            // time of a 1 MiB-event run), which a long-running client pays once.
            args.addAll(List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"));
        }
        if (args.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
            args.add("--enable-native-access=ALL-UNNAMED");
        }
        return args;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            opts.put(key, flag ? "true" : args[++i]);
        }
        return opts;
    }
}
