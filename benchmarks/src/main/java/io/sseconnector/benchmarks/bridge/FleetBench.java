package io.sseconnector.benchmarks.bridge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many devices in one bridge: {@code devices} SSE streams from the harness's source, each writing
 * {@code deviceRate} camera events per second at evenly spaced times (each device at its own random
 * phase, so the load is smooth rather than a burst every period), every route at QoS 1. The
 * subscriber checks each (device, id) arrived; heap is measured in the bridge's JVM after full GCs
 * and compared with a bridge of the same configuration without devices.
 */
final class FleetBench {
    private static final Duration QUIET = Duration.ofSeconds(10);
    /** The measured window's latencies are also reported by slices of this length. */
    static final Duration SLICE = Duration.ofSeconds(10);
    /**
     * The devices keep writing this long after the measured window, so that the "events flowing" heap
     * probe (two full GCs) happens under load but after the measured events have arrived: its pauses
     * must not land in the measured latencies.
     */
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);

    private final Rig rig;

    FleetBench(Rig rig) {
        this.rig = rig;
    }

    static String device(int i) {
        return String.format(Locale.ROOT, "cam-%04d", i);
    }

    FleetRun run() throws Exception {
        BenchOptions o = rig.options();
        int n = o.devices();

        rig.progress().show(() -> "fleet: baseline bridge (no device), waiting for the broker and two full GCs");
        long heapBaseline;
        long rssBaseline;
        try (BridgeProcess empty = rig.startBridge("fleet-baseline", List.of(), Duration.ofMinutes(5))) {
            empty.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(2_000); // let the connection settle, as the fleet's does while it connects
            heapBaseline = empty.heap().used();
            rssBaseline = ProcessStats.rssBytes(empty.pid());
        }

        List<String> names = new ArrayList<>(n);
        List<BridgeConfigs.Device> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(device(i));
            devices.add(new BridgeConfigs.Device(device(i), rig.source().endpoint(device(i)), 1));
        }
        double seconds = (o.fleetWarmup().toMillis() + o.fleetMeasure().toMillis() + COOL_DOWN.toMillis()) / 1000.0;
        Duration maxLife = Duration.ofSeconds((long) seconds + 600);
        try (BridgeProcess bridge = rig.startBridge("fleet", devices, maxLife)) {
            rig.progress().show(() -> "fleet: " + rig.source().connected() + " / " + n + " devices connected");
            rig.source().awaitConnected(names, Duration.ofMinutes(3));
            bridge.awaitReady(Duration.ofMinutes(3));
            int reconnectsBefore = rig.source().reconnects();
            long heapConnected = bridge.heap().used();

            int perDevice = (int) Math.ceil(o.deviceRate() * seconds) + 1;
            long[] firstIds = new long[n];
            Arrays.fill(firstIds, 1);
            SentTimes sent = new SentTimes(firstIds, perDevice);
            long start = System.nanoTime() + 200_000_000L; // the writers are all started by then
            long measureFrom = start + o.fleetWarmup().toNanos();
            long end = measureFrom + o.fleetMeasure().toNanos();
            long stop = end + COOL_DOWN.toNanos();
            Tally tally = new Tally(names, firstIds, sent, measureFrom, end);
            rig.subscriber().tally(tally);
            AtomicLongArray written = new AtomicLongArray(n);
            long periodNanos = (long) (1e9 / o.deviceRate());
            SplittableRandom phases = new SplittableRandom(42);
            List<Thread> writers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int device = i;
                long phase = phases.nextLong(periodNanos);
                SourceStream stream = rig.source().stream(names.get(i));
                writers.add(Thread.ofVirtual()
                        .name("fleet-writer-" + i)
                        .start(() -> write(
                                rig.mix(),
                                stream,
                                device,
                                start + phase,
                                periodNanos,
                                stop,
                                perDevice,
                                sent,
                                written)));
            }
            rig.progress().show(() -> {
                long now = System.nanoTime();
                String stage = now < measureFrom ? "warm-up" : now < end ? "measuring" : "cool-down, draining";
                return String.format(
                        Locale.ROOT,
                        "fleet %s: %,d devices, %,d written, %,d received, bridge %d threads",
                        stage,
                        n,
                        sum(written),
                        tally.distinct(),
                        ProcessStats.threads(bridge.pid()));
            });
            sleepUntil(measureFrom);
            long allocatedBefore = bridge.allocatedBytes();
            ThreadCpu.Snapshot threadsBefore = ThreadCpu.of(bridge.pid());
            CpuMark before = rig.cpu(bridge);
            int threads = ProcessStats.threads(bridge.pid());
            sleepUntil(end);
            CpuMark cpu = rig.cpu(bridge).since(before);
            Map<String, ThreadCpu.Usage> threadCpu = ThreadCpu.of(bridge.pid()).since(threadsBefore);
            long allocated = bridge.allocatedBytes() - allocatedBefore;
            sleepUntil(end + COOL_DOWN.toNanos() / 2); // the measured events have arrived; the devices still write
            long heapStreaming = bridge.heap().used();
            for (Thread writer : writers) {
                writer.join();
            }
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = written.get(i);
            }
            long total = sum(written);
            tally.await(total, QUIET, Duration.ofMinutes(3));
            rig.subscriber().tally(null);
            bridge.awaitIdle(Duration.ofSeconds(30));
            long heapDrained = bridge.heap().used();
            long rssDrained = ProcessStats.rssBytes(bridge.pid());
            histogram(bridge.pid(), rig.workDir().resolve("fleet").resolve("heap-histogram.txt"));
            Latencies latencies = tally.latencies();
            int sliceCount = (int) Math.max(1, o.fleetMeasure().toSeconds() / SLICE.toSeconds());
            List<Latencies> slices = tally.slices(measureFrom, SLICE.toNanos(), sliceCount);
            double measured = o.fleetMeasure().toNanos() / 1e9;
            double wall = measured * 1e9;
            return new FleetRun(
                    n,
                    o.deviceRate(),
                    o.fleetWarmup().toNanos() / 1e9,
                    measured,
                    total,
                    tally.lost(counts),
                    tally.duplicates(),
                    latencies.count() / measured,
                    latencies,
                    slices,
                    cpu.bridgeNanos() < 0 ? Double.NaN : 100.0 * cpu.bridgeNanos() / wall,
                    cpu.brokerNanos() < 0 ? Double.NaN : 100.0 * cpu.brokerNanos() / wall,
                    cpu,
                    threadCpu,
                    allocated,
                    threads,
                    heapBaseline,
                    heapConnected,
                    heapStreaming,
                    heapDrained,
                    rssBaseline,
                    rssDrained,
                    rig.source().reconnects() - reconnectsBefore);
        }
    }

    /** One device: an event every period from its phase on, until {@code end}. */
    private static void write(
            CameraMix mix,
            SourceStream stream,
            int device,
            long first,
            long periodNanos,
            long end,
            int capacity,
            SentTimes sent,
            AtomicLongArray written) {
        try {
            for (long id = 1; id <= capacity; id++) {
                long due = first + (id - 1) * periodNanos;
                if (due >= end) {
                    return;
                }
                sleepUntil(due);
                sent.put(device, id, System.nanoTime());
                // each device starts at its own place in the mix
                stream.write(mix.encode(id, mix.at(id + device)));
                written.set(device, id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("fleet writer " + device + ": " + e.getMessage());
        }
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long wait; (wait = deadlineNanos - System.nanoTime()) > 0; ) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    private static long sum(AtomicLongArray values) {
        long sum = 0;
        for (int i = 0; i < values.length(); i++) {
            sum += values.get(i);
        }
        return sum;
    }

    /** Where the heap goes, by class ({@code jcmd GC.class_histogram}), for the report's reader; best effort. */
    private void histogram(long pid, Path file) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "GC.class_histogram")
                    .redirectErrorStream(true)
                    .redirectOutput(file.toFile())
                    .start();
            if (jcmd.waitFor(60, TimeUnit.SECONDS)) {
                rig.progress().log("fleet: heap histogram of the bridge in " + file);
            } else {
                jcmd.destroyForcibly();
            }
        } catch (IOException e) {
            rig.progress().log("fleet: no heap histogram (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
