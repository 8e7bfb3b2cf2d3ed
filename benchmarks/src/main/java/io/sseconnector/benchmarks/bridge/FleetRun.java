package io.sseconnector.benchmarks.bridge;

import java.util.List;
import java.util.Map;

/**
 * Many devices at a modest rate each, in one bridge.
 *
 * @param written events the devices wrote (warm-up included)
 * @param lost of those, never received (by device and id)
 * @param deliveredPerSecond events written in the measured window and received, per second
 * @param latencies from write to receipt, events written in the measured window
 * @param slices the same, by 10 s of the measured window
 * @param bridgeCpuPercent the bridge JVM's CPU time over the measured window, in % of one core
 * @param brokerCpuPercent Mosquitto's, likewise
 * @param cpu what the measured window cost the bridge JVM, Mosquitto and the harness
 * @param threadCpu the bridge JVM's CPU and context switches over the measured window, by thread group
 * @param allocatedBytes what the bridge JVM's threads allocated over the measured window
 * @param threads the bridge JVM's threads with every device connected
 * @param heapBaseline used heap after full GC of a bridge with the same broker and no device
 * @param heapConnected with every device connected, before any event
 * @param heapStreaming at the end of the measured window, events still flowing
 * @param heapDrained after the devices stopped writing and everything was delivered
 * @param rssBaseline resident memory of the no-device bridge (after its GCs)
 * @param rssDrained resident memory of the fleet bridge at the end
 * @param reconnects connections the bridge opened again (0 in a clean run)
 */
record FleetRun(
        int devices,
        double rate,
        double warmupSeconds,
        double measuredSeconds,
        long written,
        long lost,
        long duplicates,
        double deliveredPerSecond,
        Latencies latencies,
        List<Latencies> slices,
        double bridgeCpuPercent,
        double brokerCpuPercent,
        CpuMark cpu,
        Map<String, ThreadCpu.Usage> threadCpu,
        long allocatedBytes,
        int threads,
        long heapBaseline,
        long heapConnected,
        long heapStreaming,
        long heapDrained,
        long rssBaseline,
        long rssDrained,
        int reconnects) {

    /** Events written in the measured window and received: what the window's CPU is divided by. */
    long measuredEvents() {
        return Math.max(1, latencies.count());
    }

    /** Bytes of heap per device: (drained − baseline) / devices. */
    double heapPerDevice() {
        return (double) (heapDrained - heapBaseline) / devices;
    }

    double heapPerDeviceConnected() {
        return (double) (heapConnected - heapBaseline) / devices;
    }

    double heapPerDeviceStreaming() {
        return (double) (heapStreaming - heapBaseline) / devices;
    }

    double rssPerDevice() {
        return (double) (rssDrained - rssBaseline) / devices;
    }
}
