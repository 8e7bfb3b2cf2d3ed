package io.sseconnector.benchmarks.bridge;

import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import io.sseconnector.connector.bridge.Device;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.stats.BridgeStats;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bridge under test, in a JVM of its own: loads the YAML with {@link ConfigLoader} and builds
 * the bridge with {@link BridgeFactory}, exactly as {@code sse-connector run -c FILE} does (without
 * the admin endpoints, which the configurations leave out), then answers the harness on stdin:
 *
 * <ul>
 *   <li>{@code status}: {@code STATUS ready received delivered buffered errors reconnects dropped givenUp}
 *   <li>{@code heap}: two full GCs, then {@code HEAP used committed threads cpuNanos}
 *   <li>{@code alloc}: {@code ALLOC bytes}, the bytes allocated so far by the JVM's live threads
 *   <li>{@code stop} or end of input: closes the bridge (drains, saves offsets) and exits
 * </ul>
 *
 * It also stops by itself after {@code maxSeconds}, so that a lost harness never leaves it running.
 */
public final class BridgeChild {
    private BridgeChild() {}

    /** {@code BridgeChild CONFIG MAX_SECONDS}. */
    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        long maxSeconds = Long.parseLong(args[1]);
        Bridge bridge = BridgeFactory.create(ConfigLoader.system().load(config).orThrow());
        bridge.start();
        Thread.ofPlatform().daemon().name("bridge-child-watchdog").start(() -> {
            try {
                Thread.sleep(maxSeconds * 1000);
                System.err.println("bridge child: " + maxSeconds + " s are up; stopping");
                stop(bridge);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.trim()) {
                case "status" -> reply(status(bridge));
                case "heap" -> reply(heap());
                case "alloc" -> reply(allocated());
                case "stop" -> stop(bridge);
                default -> reply("ERROR unknown command " + line);
            }
        }
        stop(bridge); // the harness went away
    }

    private static String status(Bridge bridge) {
        BridgeStats.Snapshot s = bridge.stats().snapshot();
        long buffered = 0;
        for (Device device : bridge.devices()) {
            buffered += device.buffered();
        }
        return String.format(
                Locale.ROOT,
                "STATUS %b %d %d %d %d %d %d %d",
                bridge.isReady(),
                s.received(),
                s.delivered(),
                buffered,
                s.errors(),
                s.reconnects(),
                s.dropped(),
                s.givenUp());
    }

    /** Used heap after full collections: what the live objects take, not what garbage happens to be left. */
    private static String heap() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(
                Locale.ROOT,
                "HEAP %d %d %d %d",
                heap.getUsed(),
                heap.getCommitted(),
                ManagementFactory.getThreadMXBean().getThreadCount(),
                os.getProcessCpuTime());
    }

    /** What the threads allocated so far (threads that ended are not counted: the bridge's live on). */
    private static String allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return "ALLOC " + threads.getTotalThreadAllocatedBytes();
    }

    private static synchronized void stop(Bridge bridge) {
        bridge.close();
        reply("STOPPED");
        System.exit(0);
    }

    private static synchronized void reply(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
