package io.sseconnector.benchmarks.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What one device costs at the rates devices really send (issue 9 item 8): a bridge JVM with one
 * device, every route at QoS 1, fed one event at a time at evenly spaced times at each of the
 * phase's rates, and the CPU time the bridge JVM and Mosquitto spent in a measured stretch of
 * steady state, per event. Rounds alternate the order of the rates; each window first settles (not
 * measured), then measures. Beside the totals: the bridge's CPU and context switches by thread, and
 * what it allocated.
 */
final class EdgeRateBench implements AutoCloseable {
    static final String DEVICE = "edge";
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final Rig rig;
    private final BridgeProcess bridge;
    private long nextId = 1;

    EdgeRateBench(Rig rig) throws Exception {
        this.rig = rig;
        this.bridge = rig.startBridge(
                "edge",
                List.of(new BridgeConfigs.Device(DEVICE, rig.source().endpoint(DEVICE), 1)),
                Duration.ofMinutes(30));
        try {
            rig.source().awaitConnected(List.of(DEVICE), Duration.ofSeconds(60));
            bridge.awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            bridge.close();
            throw e;
        }
    }

    /** A paced warm-up at the highest rate, then {@code cpuRuns} rounds over the rates. */
    List<RateRun> run() throws Exception {
        BenchOptions o = rig.options();
        int top = o.cpuRates().stream().mapToInt(Integer::intValue).max().orElseThrow();
        rig.progress()
                .log("cpu: warming up at " + top + " events/s for "
                        + o.cpuWarmup().toSeconds() + " s");
        window(top, 0, o.cpuWarmup(), Duration.ZERO);
        List<RateRun> runs = new ArrayList<>();
        for (int round = 1; round <= o.cpuRuns(); round++) {
            List<Integer> rates = new ArrayList<>(o.cpuRates());
            if (round % 2 == 0) {
                rates = rates.reversed();
            }
            for (int rate : rates) {
                RateRun r = window(rate, round, o.cpuSettle(), o.cpuMeasure());
                runs.add(r);
                rig.progress()
                        .log(String.format(
                                Locale.ROOT,
                                "cpu run %d/%d at %,6d events/s: bridge %5.1f µs/event (%.2f cores), Mosquitto %5.1f"
                                        + " µs/message, %.2f sleeps/event, %,.0f B/event, p99 %.2f ms, lost %d",
                                round,
                                o.cpuRuns(),
                                rate,
                                r.bridgeMicros(),
                                r.bridgeCores(),
                                r.brokerMicros(),
                                r.switchesPerEvent(true),
                                r.allocatedPerEvent(),
                                r.latencies().p99(),
                                r.lost()));
            }
        }
        return runs;
    }

    /**
     * {@code rate} events/s for {@code settle} + {@code measure}; marks taken (on a thread of their
     * own, so the writes keep their pace) at the start and end of the measured part.
     */
    private RateRun window(int rate, int round, Duration settle, Duration measure) throws Exception {
        double seconds = (settle.toNanos() + measure.toNanos()) / 1e9;
        int total = (int) Math.round(rate * seconds);
        long first = nextId;
        nextId += total;
        byte[][] encoded = new byte[total][];
        for (int k = 0; k < total; k++) {
            encoded[k] = rig.mix().encode(first + k);
        }
        bridge.awaitIdle(Duration.ofSeconds(30));
        SentTimes sent = new SentTimes(new long[] {first}, total);
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + settle.toNanos();
        long end = measureFrom + measure.toNanos();
        Tally tally = new Tally(List.of(DEVICE), new long[] {first}, sent, measureFrom, end);
        rig.subscriber().tally(tally);
        rig.progress()
                .show(() -> String.format(
                        Locale.ROOT,
                        "cpu %s at %,d events/s: %,d / %,d received",
                        round == 0 ? "warm-up" : "run " + round,
                        rate,
                        tally.distinct(),
                        total));
        AtomicReference<Marks> from = new AtomicReference<>();
        AtomicReference<Marks> to = new AtomicReference<>();
        Thread marker = Thread.ofPlatform().name("cpu-marks").start(() -> {
            parkUntil(measureFrom);
            from.set(marks());
            parkUntil(end);
            to.set(marks());
        });
        SourceStream stream = rig.source().stream(DEVICE);
        double interval = 1e9 / rate;
        long measured = 0;
        for (int k = 0; k < total; k++) {
            long due = start + (long) (k * interval);
            parkUntil(due);
            sent.put(0, first + k, System.nanoTime());
            stream.write(encoded[k]);
            if (due >= measureFrom && due < end) {
                measured++;
            }
        }
        marker.join();
        tally.await(total, QUIET, MAX_WAIT);
        rig.subscriber().tally(null);
        Marks a = from.get();
        Marks b = to.get();
        return new RateRun(
                rate,
                round,
                Math.max(1, measured),
                measure.toNanos() / 1e9,
                b.cpu.since(a.cpu),
                b.threads.since(a.threads),
                a.allocated < 0 || b.allocated < 0 ? -1 : b.allocated - a.allocated,
                tally.latencies(),
                tally.lost(new long[] {total}),
                tally.duplicates());
    }

    private record Marks(CpuMark cpu, ThreadCpu.Snapshot threads, long allocated) {}

    private Marks marks() {
        long allocated;
        try {
            allocated = bridge.allocatedBytes();
        } catch (Exception e) {
            allocated = -1;
        }
        return new Marks(rig.cpu(bridge), ThreadCpu.of(bridge.pid()), allocated);
    }

    private static void parkUntil(long deadline) {
        for (long wait; (wait = deadline - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The bridge's own counters after the runs. */
    BridgeProcess.Status status() throws Exception {
        return bridge.status();
    }

    @Override
    public void close() throws Exception {
        bridge.close();
    }

    /** All windows of {@code rate} together: their thread groups summed. */
    static Map<String, ThreadCpu.Usage> threadsAt(List<RateRun> runs, int rate) {
        return ThreadCpu.sum(runs.stream()
                .filter(r -> r.rate() == rate)
                .map(RateRun::threads)
                .toList());
    }
}
