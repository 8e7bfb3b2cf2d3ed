package io.sseconnector.benchmarks.bridge;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The bridge harness's settings.
 *
 * @param broker {@code tcp://host:port} of the MQTT broker both paths publish to
 * @param privateBroker start a Mosquitto of the harness's own instead (see {@link PrivateBroker})
 * @param brokerInflight the private broker's {@code max_inflight_messages} (0: Mosquitto's default)
 * @param runs throughput: alternating bridge/ceiling runs per QoS
 * @param events throughput: events per run
 * @param warmupEvents events per warm-up burst
 * @param window the ceiling publisher's unacknowledged publishes, at most (the bridge's per-device
 *     window)
 * @param latencyRate latency: events/s
 * @param devices fleet: devices in one bridge
 * @param deviceRate fleet: events/s per device
 * @param cpuRates CPU phase: the rates (events/s) one device is measured at
 * @param cpuRuns CPU phase: rounds over the rates
 * @param cpuWarmup CPU phase: paced at the highest rate first, not measured
 * @param cpuSettle CPU phase: each window's unmeasured start
 * @param cpuMeasure CPU phase: each window's measured part
 * @param bridgeJvmArgs flags for every bridge JVM
 */
public record BenchOptions(
        URI broker,
        boolean privateBroker,
        int brokerInflight,
        int runs,
        int events,
        int warmupEvents,
        int window,
        int latencyRate,
        Duration latencyWarmup,
        Duration latencyMeasure,
        int devices,
        double deviceRate,
        Duration fleetWarmup,
        Duration fleetMeasure,
        List<Integer> cpuRates,
        int cpuRuns,
        Duration cpuWarmup,
        Duration cpuSettle,
        Duration cpuMeasure,
        List<String> bridgeJvmArgs) {
    public BenchOptions {
        if (runs < 1 || events < 1 || warmupEvents < 1 || window < 1 || latencyRate < 1 || devices < 1) {
            throw new IllegalArgumentException("runs, events, window, rates and devices must be >= 1");
        }
        if (!(deviceRate > 0)) {
            throw new IllegalArgumentException("device rate must be > 0, was " + deviceRate);
        }
        if (cpuRuns < 1 || cpuRates.isEmpty() || cpuRates.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("the CPU phase needs rates >= 1 and runs >= 1");
        }
        cpuRates = List.copyOf(cpuRates);
        bridgeJvmArgs = List.copyOf(bridgeJvmArgs);
    }

    public BenchOptions withBroker(URI value) {
        return new BenchOptions(
                value,
                privateBroker,
                brokerInflight,
                runs,
                events,
                warmupEvents,
                window,
                latencyRate,
                latencyWarmup,
                latencyMeasure,
                devices,
                deviceRate,
                fleetWarmup,
                fleetMeasure,
                cpuRates,
                cpuRuns,
                cpuWarmup,
                cpuSettle,
                cpuMeasure,
                bridgeJvmArgs);
    }
}
