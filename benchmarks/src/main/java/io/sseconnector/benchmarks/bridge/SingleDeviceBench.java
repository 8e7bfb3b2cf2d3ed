package io.sseconnector.benchmarks.bridge;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Throughput and added latency of one device: a bridge JVM with two devices, {@code q0} (every route
 * at QoS 0) and {@code q1} (QoS 1), each an SSE stream from the harness's source, and beside it the
 * ceiling publisher, which publishes the same events as device {@code q0}/{@code q1} would have them
 * published. Only one path carries traffic at a time; the bridge stays up (and warm) between windows,
 * and every window waits until the bridge holds nothing before it starts.
 */
final class SingleDeviceBench implements AutoCloseable {
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration MAX_WINDOW = Duration.ofMinutes(3);

    private final Rig rig;
    private final BridgeProcess bridge;
    private final CeilingPublisher ceiling;
    private final Map<String, Long> nextIds = new HashMap<>();

    SingleDeviceBench(Rig rig) throws Exception {
        this.rig = rig;
        List<BridgeConfigs.Device> devices = List.of(
                new BridgeConfigs.Device(device(0), rig.source().endpoint(device(0)), 0),
                new BridgeConfigs.Device(device(1), rig.source().endpoint(device(1)), 1));
        this.bridge = rig.startBridge("single", devices, Duration.ofMinutes(30));
        try {
            rig.source().awaitConnected(List.of(device(0), device(1)), Duration.ofSeconds(60));
            bridge.awaitReady(Duration.ofSeconds(60));
            this.ceiling = new CeilingPublisher(
                    rig.options().broker().getHost(),
                    rig.options().broker().getPort(),
                    rig.options().window());
        } catch (Exception e) {
            bridge.close(); // rather than left running until its own time limit
            throw e;
        }
    }

    static String device(int qos) {
        return "q" + qos;
    }

    /** Ids {@code n} consecutive events of {@code device} start at; ids never repeat within a run. */
    private long takeIds(String device, long n) {
        long first = nextIds.getOrDefault(device, 1L);
        nextIds.put(device, first + n);
        return first;
    }

    /** Both paths at both QoS, until the JIT settled: results discarded. */
    void warmUp() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int qos = 0; qos <= 1; qos++) {
                burst(ThroughputRun.BRIDGE, qos, rig.options().warmupEvents(), "warm-up");
                burst(ThroughputRun.CEILING, qos, rig.options().warmupEvents(), "warm-up");
            }
        }
    }

    /** {@code runs} rounds; in each, both QoS and both paths, the path that goes first alternating. */
    List<ThroughputRun> throughput() throws Exception {
        List<ThroughputRun> runs = new ArrayList<>();
        int n = rig.options().runs();
        for (int run = 0; run < n; run++) {
            for (int qos = 0; qos <= 1; qos++) {
                List<String> order = (run + qos) % 2 == 0
                        ? List.of(ThroughputRun.BRIDGE, ThroughputRun.CEILING)
                        : List.of(ThroughputRun.CEILING, ThroughputRun.BRIDGE);
                for (String path : order) {
                    ThroughputRun r = burst(path, qos, rig.options().events(), "run " + (run + 1) + "/" + n);
                    runs.add(r);
                    rig.progress()
                            .log(String.format(
                                    Locale.ROOT,
                                    "throughput run %d/%d QoS %d %-7s %,9.0f events/s  lost %d  duplicates %d",
                                    run + 1,
                                    n,
                                    qos,
                                    path,
                                    r.eventsPerSecond(),
                                    r.lost(),
                                    r.duplicates()));
                }
            }
        }
        return runs;
    }

    private ThroughputRun burst(String path, int qos, int events, String label) throws Exception {
        String device = device(qos);
        long first = takeIds(device, events);
        byte[] block = path.equals(ThroughputRun.BRIDGE) ? rig.mix().encode(first, events) : null;
        Tally tally = Tally.of(device, first);
        rig.progress()
                .show(() -> String.format(
                        Locale.ROOT,
                        "throughput %s QoS %d %s: %,d / %,d received",
                        label,
                        qos,
                        path,
                        tally.distinct(),
                        events));
        long deliveredBefore = bridge.awaitIdle(Duration.ofSeconds(30)).delivered();
        long failuresBefore = ceiling.failures();
        rig.subscriber().tally(tally);
        CpuMark before = rig.cpu(bridge);
        long start = System.nanoTime();
        if (block != null) {
            rig.source().stream(device).write(block);
        } else {
            MqttQos q = MqttQos.fromCode(qos);
            for (long id = first; id < first + events; id++) {
                CameraMix.Template t = rig.mix().at(id);
                ceiling.publish(BridgeConfigs.topic(rig.prefix(), device, t.type()), q, t, device, id);
            }
        }
        tally.await(events, QUIET, MAX_WINDOW);
        long end = tally.lastReceiveNanos();
        long acknowledged;
        if (block == null) {
            ceiling.awaitAcknowledged(Duration.ofSeconds(30));
            acknowledged = events - (ceiling.failures() - failuresBefore);
        } else {
            acknowledged = bridge.awaitIdle(Duration.ofSeconds(30)).delivered() - deliveredBefore;
        }
        CpuMark cpu = rig.cpu(bridge).since(before);
        rig.subscriber().tally(null);
        long[] written = {events};
        long lost = tally.lost(written);
        if (lost > 0) {
            rig.progress()
                    .log(String.format(
                            Locale.ROOT,
                            "  %s QoS %d: %d of %d not received, %d acknowledged by the broker; e.g. %s",
                            path,
                            qos,
                            lost,
                            events,
                            acknowledged,
                            tally.lostExamples(written, 5)));
        }
        return new ThroughputRun(
                path, qos, events, Math.max(1, end - start), lost, tally.duplicates(), acknowledged, cpu);
    }

    /** For each QoS, the bridge and the ceiling paced at the latency rate (the order alternating). */
    List<LatencyRun> latency() throws Exception {
        List<LatencyRun> runs = new ArrayList<>();
        for (int qos = 0; qos <= 1; qos++) {
            List<String> order = qos % 2 == 0
                    ? List.of(ThroughputRun.BRIDGE, ThroughputRun.CEILING)
                    : List.of(ThroughputRun.CEILING, ThroughputRun.BRIDGE);
            for (String path : order) {
                LatencyRun r = paced(path, qos);
                runs.add(r);
                Latencies l = r.latencies();
                rig.progress()
                        .log(String.format(
                                Locale.ROOT,
                                "latency QoS %d %-7s at %,d events/s: p50 %.2f ms  p99 %.2f ms  max %.2f ms  lost %d",
                                qos,
                                path,
                                r.rate(),
                                l.p50(),
                                l.p99(),
                                l.max(),
                                r.lost()));
            }
        }
        return runs;
    }

    private LatencyRun paced(String path, int qos) throws Exception {
        String device = device(qos);
        int rate = rig.options().latencyRate();
        double seconds = (rig.options().latencyWarmup().toMillis()
                        + rig.options().latencyMeasure().toMillis())
                / 1000.0;
        int total = (int) Math.round(rate * seconds);
        long first = takeIds(device, total);
        boolean viaBridge = path.equals(ThroughputRun.BRIDGE);
        byte[][] encoded = new byte[viaBridge ? total : 0][];
        for (int k = 0; k < encoded.length; k++) {
            encoded[k] = rig.mix().encode(first + k);
        }
        SentTimes sent = new SentTimes(new long[] {first}, total);
        bridge.awaitIdle(Duration.ofSeconds(30));
        long start = System.nanoTime();
        long measureFrom = start + rig.options().latencyWarmup().toNanos();
        Tally tally = new Tally(List.of(device), new long[] {first}, sent, measureFrom, Long.MAX_VALUE);
        rig.subscriber().tally(tally);
        rig.progress()
                .show(() -> String.format(
                        Locale.ROOT,
                        "latency QoS %d %s at %,d events/s: %,d / %,d received",
                        qos,
                        path,
                        rate,
                        tally.distinct(),
                        total));
        CpuMark before = rig.cpu(bridge);
        SourceStream stream = rig.source().stream(device);
        MqttQos q = MqttQos.fromCode(qos);
        double interval = 1e9 / rate;
        for (int k = 0; k < total; k++) {
            long due = start + (long) (k * interval);
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            long id = first + k;
            sent.put(0, id, System.nanoTime());
            if (viaBridge) {
                stream.write(encoded[k]);
            } else {
                CameraMix.Template t = rig.mix().at(id);
                ceiling.publish(BridgeConfigs.topic(rig.prefix(), device, t.type()), q, t, device, id);
            }
        }
        tally.await(total, QUIET, MAX_WINDOW);
        CpuMark cpu = rig.cpu(bridge).since(before);
        rig.subscriber().tally(null);
        return new LatencyRun(
                path,
                qos,
                rate,
                total,
                tally.lost(new long[] {total}),
                tally.duplicates(),
                tally.latencies(),
                cpu,
                (System.nanoTime() - start) / 1e9);
    }

    /** The bridge's own counters (errors, reconnects) after the runs, for the report. */
    BridgeProcess.Status status() throws Exception {
        return bridge.status();
    }

    @Override
    public void close() throws Exception {
        try {
            ceiling.close();
        } finally {
            bridge.close();
        }
    }
}
