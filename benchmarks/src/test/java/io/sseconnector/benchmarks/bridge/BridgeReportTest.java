package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

        String md = new BridgeReport(throughput, latency, List.of(), null).markdown();

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

    private static RateRun window(int rate, int run, double bridgeMicros, double brokerMicros) {
        long events = rate * 15L;
        CpuMark cpu = new CpuMark((long) (bridgeMicros * 1e3 * events), (long) (brokerMicros * 1e3 * events), -1);
        Map<String, ThreadCpu.Usage> threads = Map.of(
                "sse-client-io-", new ThreadCpu.Usage(cpu.bridgeNanos() / 2, cpu.bridgeNanos() / 4, events, 0),
                "RxComputationThreadPool-", new ThreadCpu.Usage(cpu.bridgeNanos() / 2, 0, events / 2, events / 10));
        return new RateRun(
                rate, run, events, 15, cpu, threads, events * 2_000, new Latencies(events, 0.2, 0.3, 0.5, 1, 2), 0, 0);
    }

    @Test
    void cpuPerEventIsJudgedOnTheMedianWindowNextToMosquitto() {
        List<RateRun> rates = List.of(
                window(3_000, 1, 40, 30),
                window(10_000, 1, 20, 25),
                window(10_000, 2, 11, 25), // the median of 20, 11, 30 is 20
                window(3_000, 2, 42, 30),
                window(10_000, 3, 30, 25),
                window(3_000, 3, 41, 30));

        String md = new BridgeReport(List.of(), List.of(), rates, null).markdown();

        assertThat(md).contains("| **10,000** | **median** | | **20.0** | **25.0** | **0.80×** |");
        assertThat(md).contains("| **3,000** | **median** | | **41.0** | **30.0** | **1.37×** |");
        assertThat(md)
                .contains("| one device at 10,000 events/s, QoS 1: bridge ≤ 12 µs CPU/event | 20.0 µs (Mosquitto 25.0"
                        + " µs/message; bridge ÷ Mosquitto 0.80×) | **no** |");
        // each thread's share and its sleeps per event: half the CPU, one sleep per event on the SSE thread
        assertThat(md).contains("| `sse-client-io-` | 20.5 (10.3) / 1.00 | 10.2 (5.1) / 1.00 |");
    }

    @Test
    void threadsAreGroupedByNameWithoutTheirNumber() {
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("GC Thread#");
        assertThat(ThreadCpu.group("sse-client-io-3")).isEqualTo("sse-client-io");
        assertThat(ThreadCpu.group("VM Thread")).isEqualTo("VM Thread");
    }
}
