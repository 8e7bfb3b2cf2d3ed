package io.sseconnector.benchmarks.harness;

/** One measured read in one child JVM. */
record RunResult(
        HarnessStream stream,
        String consumer,
        long events,
        long bodyBytes,
        long nanos,
        long allocated,
        long cpuNanos,
        long systemNanos) {

    double eventsPerSecond() {
        return events * 1e9 / nanos;
    }

    /** Body bytes (SSE bytes, without HTTP chunk framing) per second, in 10^6 bytes. */
    double megabytesPerSecond() {
        return bodyBytes * 1e3 / nanos;
    }

    /**
     * Events per second of the consumer JVM's CPU time: its cost per event, which other work on a
     * shared machine disturbs far less than it disturbs wall-clock rates.
     */
    double eventsPerCpuSecond() {
        return events * 1e9 / cpuNanos;
    }

    /** The share of the CPU time spent in the kernel (socket reads, page faults). */
    double systemShare() {
        return (double) systemNanos / cpuNanos;
    }

    double bytesAllocatedPerEvent() {
        return (double) allocated / events;
    }
}
