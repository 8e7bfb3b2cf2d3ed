package io.sseconnector.benchmarks.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every part of a harness run shares: the options, the event mix, the SSE source, the
 * subscriber, the status line, the topic prefix of this run and Mosquitto's pid (-1 if unknown).
 */
record Rig(
        BenchOptions options,
        CameraMix mix,
        SseSource source,
        Subscriber subscriber,
        Progress progress,
        String prefix,
        long brokerPid,
        Path workDir) {

    /** Starts a bridge JVM for these devices; its config, state and log live under the work dir. */
    BridgeProcess startBridge(String name, List<BridgeConfigs.Device> devices, Duration maxLife) throws Exception {
        Path dir = workDir.resolve(name);
        Files.createDirectories(dir);
        Path config = dir.resolve("bridge.yaml");
        Files.writeString(
                config,
                BridgeConfigs.yaml(
                        "bench-" + name + "-" + prefix.substring(prefix.lastIndexOf('/') + 1),
                        options.broker(),
                        dir.resolve("state"),
                        prefix,
                        mix.types(),
                        devices));
        progress.log("bridge '" + name + "': " + devices.size() + " device(s), config " + config + ", log "
                + dir.resolve("bridge.log"));
        return BridgeProcess.start(config, options.bridgeJvmArgs(), dir.resolve("bridge.log"), maxLife);
    }

    CpuMark cpu(BridgeProcess bridge) {
        return CpuMark.now(bridge == null ? -1 : bridge.pid(), brokerPid);
    }
}
