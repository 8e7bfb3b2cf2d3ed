package io.sseconnector.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Map;

/**
 * One fresh JVM, one consumer, one stream: a warm-up read, then a measured read whose wall time,
 * allocation (all threads of this JVM) and CPU time (this process: its threads, JIT and GC) it
 * prints as one {@code RESULT} line, then exits.
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
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int status = 0;
        Consumer consumer = Consumer.create(name);
        try {
            check(name, warmup, consumer.read(warmup.uri(), warmup.events()));
            System.gc();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long allocBefore = threads.getTotalThreadAllocatedBytes();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            Consumer.Tally tally = consumer.read(measured.uri(), measured.events());
            long nanos = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long allocated = threads.getTotalThreadAllocatedBytes() - allocBefore;
            check(name, measured, tally);
            System.out.println(RESULT + " " + nanos + " " + allocated + " " + cpu);
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
