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
            // Every warm-up read is measured as the real one is: the bookkeeping (reading
            // /proc/self/stat decodes a String as UTF-8) then runs before the measured read as often
            // as before any other. Done only then, it once made the JIT throw away its compiled
            // String constructor, which had seen nothing but ISO-8859-1 from our parser, just as the
            // measured read began.
            do {
                Usage before = Usage.now();
                check(name, warmup, consumer.read(warmup.uri(), warmup.events()));
                Usage.now().minus(before);
                warmupReads++;
            } while (System.nanoTime() - warmupStart < warmupNanos && warmupReads < 50);
            System.gc();
            Usage before = Usage.now();
            Consumer.Tally tally = consumer.read(measured.uri(), measured.events());
            Usage used = Usage.now().minus(before);
            check(name, measured, tally);
            System.out.println(RESULT + " " + used.nanos() + " " + used.allocated() + " " + used.cpuNanos() + " "
                    + used.kernelNanos());
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

    /**
     * What this process had used at one moment: wall clock, bytes allocated by all threads, CPU time
     * (its threads, JIT and GC) and the part of it in the kernel.
     */
    private record Usage(long nanos, long allocated, long cpuNanos, long kernelNanos) {
        static Usage now() {
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long kernel = systemTicks() * 10_000_000L; // USER_HZ = 100
            return new Usage(System.nanoTime(), threads.getTotalThreadAllocatedBytes(), os.getProcessCpuTime(), kernel);
        }

        Usage minus(Usage earlier) {
            return new Usage(
                    nanos - earlier.nanos,
                    allocated - earlier.allocated,
                    cpuNanos - earlier.cpuNanos,
                    kernelNanos - earlier.kernelNanos);
        }
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
