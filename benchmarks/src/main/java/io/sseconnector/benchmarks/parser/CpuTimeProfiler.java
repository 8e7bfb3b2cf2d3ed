package io.sseconnector.benchmarks.parser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * {@code -prof io.sseconnector.benchmarks.parser.CpuTimeProfiler}: CPU time of the JMH worker
 * threads per operation ({@code cpu.time.norm}, ns/op). On a shared machine other processes take
 * the CPU away from the benchmark for whole time slices; wall-clock ops/s drops with them, CPU time
 * per op much less. Hardware counters ({@code -prof perfnorm}) are not available in this VM.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before.clear();
        for (Thread t : workers()) {
            before.put(t.threadId(), threads.getThreadCpuTime(t.threadId()));
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = 0;
        for (Thread t : workers()) {
            long now = threads.getThreadCpuTime(t.threadId());
            if (now >= 0) {
                cpu += now - before.getOrDefault(t.threadId(), 0L);
            }
        }
        long ops = result.getMetadata().getAllOps();
        return List.of(new ScalarResult(
                "cpu.time.norm", ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
    }

    private static List<Thread> workers() {
        List<Thread> workers = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("jmh-worker")) {
                workers.add(t);
            }
        }
        return workers;
    }
}
