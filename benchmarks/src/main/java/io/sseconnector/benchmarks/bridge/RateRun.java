package io.sseconnector.benchmarks.bridge;

import java.util.Map;

/**
 * One steady-state window of the CPU phase: one device writing {@code rate} events/s, one at a time
 * at evenly spaced times, every route at QoS 1; what its measured part cost each process.
 *
 * @param run which round of the phase (1, 2, …)
 * @param events events written in the measured part
 * @param seconds the measured part's length
 * @param cpu what the measured part cost the bridge JVM, Mosquitto and the harness
 * @param threads the bridge JVM's CPU and context switches over the measured part, by thread group
 * @param allocatedBytes what the bridge JVM's threads allocated over the measured part (-1: unknown)
 * @param latencies write → subscriber receipt, events of the measured part
 * @param lost events of the window (settling included) never received
 */
record RateRun(
        int rate,
        int run,
        long events,
        double seconds,
        CpuMark cpu,
        Map<String, ThreadCpu.Usage> threads,
        long allocatedBytes,
        Latencies latencies,
        long lost,
        long duplicates) {

    /** The bridge JVM's CPU microseconds per event. */
    double bridgeMicros() {
        return ThroughputRun.micros(cpu.bridgeNanos(), events);
    }

    /** Mosquitto's CPU microseconds per message (each event is one message in and one out). */
    double brokerMicros() {
        return ThroughputRun.micros(cpu.brokerNanos(), events);
    }

    double harnessMicros() {
        return ThroughputRun.micros(cpu.harnessNanos(), events);
    }

    /** The bridge JVM's CPU as a share of one core. */
    double bridgeCores() {
        return cpu.bridgeNanos() < 0 ? Double.NaN : cpu.bridgeNanos() / (seconds * 1e9);
    }

    /** Context switches of the bridge JVM's threads per event: sleeps (voluntary) and preemptions. */
    double switchesPerEvent(boolean voluntary) {
        long sum = 0;
        for (ThreadCpu.Usage u : threads.values()) {
            sum += voluntary ? u.voluntarySwitches() : u.involuntarySwitches();
        }
        return (double) sum / events;
    }

    double allocatedPerEvent() {
        return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / events;
    }
}
