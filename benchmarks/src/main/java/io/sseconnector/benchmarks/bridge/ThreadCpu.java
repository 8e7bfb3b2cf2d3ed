package io.sseconnector.benchmarks.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and context switches of each thread of a process, read from {@code /proc/PID/task}: where
 * a process's CPU goes (its event loops, its client library's threads, GC, the JIT) and how often
 * its threads go to sleep and are woken ({@code voluntary_ctxt_switches}), which at modest rates
 * costs more than the work itself. Threads are grouped by name without their number
 * ({@code GC Thread#1} → {@code GC Thread#}); Linux keeps the first 15 characters of a name.
 */
final class ThreadCpu {
    /** USER_HZ: /proc counts CPU time in ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * What one group of threads used over a window.
     *
     * @param cpuNanos user + system time
     * @param systemNanos of that, time in the kernel (system calls, wake-ups, page faults)
     */
    record Usage(long cpuNanos, long systemNanos, long voluntarySwitches, long involuntarySwitches) {
        static final Usage ZERO = new Usage(0, 0, 0, 0);

        Usage plus(Usage other) {
            return new Usage(
                    cpuNanos + other.cpuNanos,
                    systemNanos + other.systemNanos,
                    voluntarySwitches + other.voluntarySwitches,
                    involuntarySwitches + other.involuntarySwitches);
        }

        Usage minus(Usage other) {
            return new Usage(
                    cpuNanos - other.cpuNanos,
                    systemNanos - other.systemNanos,
                    voluntarySwitches - other.voluntarySwitches,
                    involuntarySwitches - other.involuntarySwitches);
        }
    }

    /** The threads of a process at one moment, by thread id. */
    record Snapshot(Map<Long, String> names, Map<Long, Usage> usage) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

        /**
         * What each group used since {@code earlier}, largest first; threads that started in between
         * count from zero, threads that ended in between are missing (their time shows in the
         * process's total only).
         */
        Map<String, Usage> since(Snapshot earlier) {
            Map<String, Usage> groups = new HashMap<>();
            usage.forEach((tid, now) -> {
                Usage then = earlier.usage.getOrDefault(tid, Usage.ZERO);
                groups.merge(group(names.get(tid)), now.minus(then), Usage::plus);
            });
            Map<String, Usage> sorted = new LinkedHashMap<>();
            groups.entrySet().stream()
                    .sorted((a, b) ->
                            Long.compare(b.getValue().cpuNanos(), a.getValue().cpuNanos()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    private ThreadCpu() {}

    /** The threads of {@code pid} now; empty when {@code /proc} cannot be read. */
    static Snapshot of(long pid) {
        if (pid < 0) {
            return Snapshot.EMPTY;
        }
        Map<Long, String> names = new HashMap<>();
        Map<Long, Usage> usage = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    long tid = Long.parseLong(task.getFileName().toString());
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long user = Long.parseLong(f[11]) * NANOS_PER_TICK;
                    long system = Long.parseLong(f[12]) * NANOS_PER_TICK;
                    long voluntary = 0;
                    long involuntary = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            voluntary = Long.parseLong(
                                    line.substring(line.indexOf(':') + 1).trim());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            involuntary = Long.parseLong(
                                    line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    names.put(tid, name);
                    usage.put(tid, new Usage(user + system, system, voluntary, involuntary));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Snapshot.EMPTY;
        }
        return new Snapshot(names, usage);
    }

    /** A thread's name without its number: one row per pool. */
    static String group(String name) {
        String n = name == null ? "?" : name;
        int end = n.length();
        while (end > 1 && (Character.isDigit(n.charAt(end - 1)) || n.charAt(end - 1) == '-')) {
            end--;
        }
        return n.substring(0, end);
    }

    /** The groups of all {@code windows} together (each a {@link Snapshot#since} result). */
    static Map<String, Usage> sum(List<Map<String, Usage>> windows) {
        Map<String, Usage> total = new LinkedHashMap<>();
        for (Map<String, Usage> window : windows) {
            window.forEach((group, usage) -> total.merge(group, usage, Usage::plus));
        }
        Map<String, Usage> sorted = new LinkedHashMap<>();
        total.entrySet().stream()
                .sorted((a, b) ->
                        Long.compare(b.getValue().cpuNanos(), a.getValue().cpuNanos()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
