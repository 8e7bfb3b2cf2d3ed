package io.sseconnector.benchmarks.bridge;

/**
 * One paced window: {@code rate} events/s through one path; latency is the subscriber's receive time
 * minus the event's write (bridge) or publish (ceiling) time, both {@code System.nanoTime()} of the
 * harness JVM, for the events written after the warm-up.
 *
 * @param cpu what the whole window (warm-up included) cost each process
 * @param seconds the window's length, warm-up included
 */
record LatencyRun(
        String path,
        int qos,
        int rate,
        long written,
        long lost,
        long duplicates,
        Latencies latencies,
        CpuMark cpu,
        double seconds) {}
