package io.sseconnector.benchmarks.bridge;

import java.lang.management.ManagementFactory;

/**
 * CPU time used so far by the three processes of a run: the bridge's JVM, Mosquitto and the harness
 * (source, subscriber, ceiling publisher). Two marks give what a window cost each of them; -1 where
 * a process could not be read.
 */
record CpuMark(long bridgeNanos, long brokerNanos, long harnessNanos) {
    /** @param bridgePid the bridge JVM, or -1 for none; @param brokerPid Mosquitto, or -1 */
    static CpuMark now(long bridgePid, long brokerPid) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuMark(
                bridgePid < 0 ? -1 : ProcessStats.cpuNanos(bridgePid),
                brokerPid < 0 ? -1 : ProcessStats.cpuNanos(brokerPid),
                os.getProcessCpuTime());
    }

    /** What was used from {@code earlier} to this mark. */
    CpuMark since(CpuMark earlier) {
        return new CpuMark(
                delta(bridgeNanos, earlier.bridgeNanos),
                delta(brokerNanos, earlier.brokerNanos),
                delta(harnessNanos, earlier.harnessNanos));
    }

    private static long delta(long now, long then) {
        return now < 0 || then < 0 ? -1 : now - then;
    }
}
