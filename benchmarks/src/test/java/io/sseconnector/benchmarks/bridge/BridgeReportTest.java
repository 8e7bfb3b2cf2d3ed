package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeReportTest {
    private static final CpuMark CPU = new CpuMark(1_000_000_000L, 500_000_000L, -1);

    private static ThroughputRun run(String path, int qos, double eventsPerSecond) {
        return new ThroughputRun(path, qos, 100_000, (long) (100_000 * 1e9 / eventsPerSecond), 0, 0, 100_000, CPU);
    }

    private static LatencyRun latency(String path, int qos, double p99) {
        return new LatencyRun(path, qos, 1000, 35_000, 0, 0, new Latencies(30_000, 0.2, 0.3, p99, 4, 6), CPU, 35);
    }

    @Test
    void theBarsAreJudgedOnMediansAndPercentiles() {
        List<ThroughputRun> throughput = List.of(
                run("bridge", 1, 30_000),
                run("ceiling", 1, 40_000),
                run("bridge", 1, 50_000), // an outlier does not move the median much
                run("ceiling", 1, 40_000),
                run("bridge", 1, 31_000),
                run("ceiling", 1, 40_000),
                run("bridge", 0, 50_000),
                run("ceiling", 0, 100_000));
        List<LatencyRun> latency = List.of(
                latency("bridge", 0, 2.5),
                latency("ceiling", 0, 1.5),
                latency("bridge", 1, 7.5),
                latency("ceiling", 1, 1.5));

        String md = new BridgeReport(throughput, latency, null).markdown();

        assertThat(md)
                .contains(
                        "| 1 | bridge | 3 | 31,000 | 30,000 – 50,000 | 0.78× | 0.75× – 1.25× | 0 | 0 | 10.0 | 5.0 | – |");
        assertThat(md).contains("| throughput QoS 1: bridge ≥ 80 % of the ceiling | 78 % | **no** |");
        assertThat(md)
                .contains(
                        "| throughput QoS 0: bridge ≥ 80 % of the ceiling (the issue sets it for QoS 1) | 50 % | (context) |");
        assertThat(md).contains("| latency QoS 0 at 1,000 events/s: p99 ≤ 5 ms | 2.50 ms | yes |");
        assertThat(md).contains("| latency QoS 1 at 1,000 events/s: p99 ≤ 5 ms | 7.50 ms | **no** |");
    }
}
