package io.sseconnector.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One fresh JVM, one consumer, one stream: warm-up reads, then a measured read whose wall time,
 * allocation (all threads of this JVM), CPU time (this process: its threads, JIT and GC) and kernel
 * time it prints as one {@code RESULT} line, then exits.
 */
final class ChildRun {
    static final String RESULT = "RESULT";

    private ChildRun() {}

    /** Expected outcome of one read. */
    record Expect(URI uri, long events, long dataLength, long bodyBytes) {}

    static void run(Map<String, String> opts) throws Exception {
        String name = opts.get("consumer");
        Expect warmup = expect(opts, "warmup-");
        Expect measured = expect(opts, "");
        // Keep the clients' INFO lines (ours logs each close) out of the harness output.
        Logger.getLogger("").setLevel(Level.WARNING);
        int status = 0;
        Consumer consumer = Consumer.create(name);
        try {
            // Warm up for at least warmupNanos (and one read): a fixed share of the stream would leave
            // the fastest consumers measured while C2 still compiles their hot paths.
            long warmupNanos = (long) (Double.parseDouble(opts.getOrDefault("warmup-seconds", "1")) * 1e9);
            long warmupStart = System.nanoTime();
            int warmupReads = 0;
            do {
                check(name, warmup, consumer.read(warmup.uri(), warmup.events()));
                warmupReads++;
            } while (System.nanoTime() - warmupStart < warmupNanos && warmupReads < 50);
            System.gc();
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long allocBefore = threads.getTotalThreadAllocatedBytes();
            long sysBefore = systemTicks();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            Consumer.Tally tally = consumer.read(measured.uri(), measured.events());
            long nanos = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long sysNanos = (systemTicks() - sysBefore) * 10_000_000L; // USER_HZ = 100
            long allocated = threads.getTotalThreadAllocatedBytes() - allocBefore;
            check(name, measured, tally);
            System.out.println(RESULT + " " + nanos + " " + allocated + " " + cpu + " " + sysNanos);
            System.out.flush();
        } catch (Exception | Error e) {
            System.err.println(name + ": " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            closeQuietly(consumer);
        }
        System.exit(status);
    }

    /** This process's CPU time in the kernel, in clock ticks (field 15 of /proc/self/stat); 0 elsewhere. */
    private static long systemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Expect expect(Map<String, String> opts, String prefix) {
        return new Expect(
                URI.create(opts.get(prefix + "url")),
                Long.parseLong(opts.get(prefix + "events")),
                Long.parseLong(opts.get(prefix + "data-length")),
                Long.parseLong(opts.get(prefix + "body-bytes")));
    }

    private static void check(String name, Expect expect, Consumer.Tally tally) {
        boolean ok = tally.events() == expect.events()
                && (tally.dataLength() < 0 || tally.dataLength() == expect.dataLength())
                && (tally.bodyBytes() < 0 || tally.bodyBytes() == expect.bodyBytes());
        if (!ok) {
            throw new IllegalStateException(name + " read " + tally + ", expected " + expect);
        }
    }

    /** Closes the consumer, but never lets a stuck close keep this JVM alive. */
    private static void closeQuietly(Consumer consumer) {
        Thread closer = new Thread(
                () -> {
                    try {
                        consumer.close();
                    } catch (Exception e) {
                        System.err.println("close: " + e);
                    }
                },
                "consumer-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
