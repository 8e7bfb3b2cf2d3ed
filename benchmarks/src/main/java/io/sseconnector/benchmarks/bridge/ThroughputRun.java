package io.sseconnector.benchmarks.bridge;

/**
 * One measured burst: {@code events} events at full speed through one path, timed from the first
 * byte written (bridge) or the first publish (ceiling) to the subscriber's receipt of the last.
 *
 * @param path {@code bridge} or {@code ceiling}
 * @param acknowledged publishes the broker acknowledged (QoS 1) or took (QoS 0): the bridge's
 *     delivered count, or the ceiling's completed publishes. A message acknowledged but not received
 *     was dropped by the broker on its way to the subscriber.
 * @param cpu what the burst cost each process
 */
record ThroughputRun(
        String path, int qos, long events, long nanos, long lost, long duplicates, long acknowledged, CpuMark cpu) {
    static final String BRIDGE = "bridge";
    static final String CEILING = "ceiling";

    double eventsPerSecond() {
        return events * 1e9 / nanos;
    }

    /** CPU microseconds per event of one process's CPU time, or NaN when not known. */
    static double micros(long cpuNanos, long events) {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / events;
    }
}
