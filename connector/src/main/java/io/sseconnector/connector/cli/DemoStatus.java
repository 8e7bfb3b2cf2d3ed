package io.sseconnector.connector.cli;

import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.Device;
import io.sseconnector.connector.stats.BridgeStats;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The demo's live status line, run once a second: events per second of each camera type (over the
 * last {@value #WINDOW_TICKS} seconds), events delivered, events buffered, and the broker when it is
 * down. On a terminal the line is redrawn in place with {@code \r}; otherwise (a log file, a pipe)
 * a full line is written every {@value #LINE_EVERY_TICKS} ticks.
 */
final class DemoStatus implements Runnable {
    static final int WINDOW_TICKS = 10;
    static final int LINE_EVERY_TICKS = 10;

    /** Short labels, so the line fits a terminal; types not listed count as "other". */
    private static final Map<String, String> LABELS = labels();

    private final Bridge bridge;
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long ticks;
    private boolean drawn;

    /** Received counts by type at one moment. */
    record Sample(long nanos, Map<String, Long> received) {}

    DemoStatus(Bridge bridge, PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.bridge = bridge;
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("HEARTBEAT", "heartbeat");
        labels.put("ALERT", "alert");
        labels.put("ALERT_DLQC", "dlqc");
        labels.put("ANALYTICS_ENABLED", "enabled");
        labels.put("ANALYTICS_DISABLED", "disabled");
        return labels;
    }

    @Override
    public synchronized void run() {
        BridgeStats.Snapshot stats = bridge.stats().snapshot();
        samples.addLast(new Sample(nanoTime.getAsLong(), stats.receivedByType()));
        while (samples.size() > WINDOW_TICKS + 1) {
            samples.removeFirst();
        }
        int buffered = 0;
        for (Device device : bridge.devices()) {
            buffered += device.buffered();
        }
        String line =
                line(samples.getFirst(), samples.getLast(), stats.delivered(), buffered, bridge.brokerConnected());
        ticks++;
        if (terminal) {
            err.print("\r" + line + "\033[K");
            err.flush();
            drawn = true;
        } else if (ticks % LINE_EVERY_TICKS == 0) {
            err.println(line);
            err.flush();
        }
    }

    /** Ends the redrawn line, so what is printed next starts on a line of its own. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** The status text, from the oldest and newest samples of the window. */
    static String line(Sample oldest, Sample newest, long delivered, int buffered, boolean brokerConnected) {
        double seconds = (newest.nanos() - oldest.nanos()) / 1e9;
        Map<String, Long> counts = new LinkedHashMap<>();
        LABELS.values().forEach(label -> counts.put(label, 0L));
        counts.put("other", 0L);
        newest.received().forEach((type, count) -> {
            long before = oldest.received().getOrDefault(type, 0L);
            counts.merge(LABELS.getOrDefault(type, "other"), count - before, Long::sum);
        });
        StringBuilder line = new StringBuilder("events/s");
        counts.forEach((label, count) -> {
            if (!label.equals("other") || count > 0) {
                line.append("  ").append(label).append(' ').append(rate(count, seconds));
            }
        });
        line.append("  | delivered ").append(delivered).append("  buffered ").append(buffered);
        if (!brokerConnected) {
            line.append("  | broker DOWN");
        }
        return line.toString();
    }

    private static String rate(long count, double seconds) {
        if (seconds <= 0) {
            return "-";
        }
        double rate = count / seconds;
        return rate >= 10 ? Long.toString(Math.round(rate)) : String.format(Locale.ROOT, "%.1f", rate);
    }
}
