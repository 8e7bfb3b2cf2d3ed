package io.sseconnector.connector.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numeric SSE ids ({@code sse-id}) that reach a subscriber, per device ({@code device}), in the
 * order each id first arrived: duplicates (at-least-once) are ignored, gaps and reordering are
 * what {@link #problems} reports.
 */
public final class FirstArrivals {
    private final Map<String, List<Long>> firsts = new HashMap<>();
    private final Map<String, Set<Long>> seen = new HashMap<>();
    private final Map<String, List<Long>> notJson = new HashMap<>();
    private long messages;

    public void add(MqttRecorder.Message message) {
        messages++;
        String device = message.userProperties().get("device");
        long id = Long.parseLong(message.userProperties().get("sse-id"));
        if (!"application/json".equals(message.contentType())) {
            notJson.computeIfAbsent(device, d -> new ArrayList<>()).add(id); // a torn event was published
        }
        if (seen.computeIfAbsent(device, d -> new HashSet<>()).add(id)) {
            firsts.computeIfAbsent(device, d -> new ArrayList<>()).add(id);
        }
    }

    /** The first id that arrived from {@code device}, or -1 before any. */
    public long first(String device) {
        List<Long> ids = firsts.get(device);
        return ids == null ? -1 : ids.get(0);
    }

    /** Whether {@code count} consecutive ids from the first one could have arrived: the last one did. */
    public boolean reached(String device, int count) {
        long first = first(device);
        return first >= 0 && seen.get(device).contains(first + count - 1);
    }

    /**
     * What went wrong for {@code device} among the {@code count} ids from its first one: ids that
     * never arrived, first arrivals that came after a higher id, and payloads that were not JSON
     * (every camera event is; a torn one is not). Empty when all is well.
     */
    public List<String> problems(String device, int count) {
        List<String> problems = new ArrayList<>();
        long first = first(device);
        if (first < 0) {
            return List.of(device + ": nothing arrived");
        }
        long last = first + count - 1;
        List<Long> missing = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            if (!seen.get(device).contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(device + ": " + missing.size() + " of ids " + first + ".." + last + " never arrived: "
                    + abbreviate(missing));
        }
        long highest = Long.MIN_VALUE;
        List<String> outOfOrder = new ArrayList<>();
        for (long id : firsts.get(device)) {
            if (id > last) {
                break;
            }
            if (id < highest) {
                outOfOrder.add(id + " after " + highest);
            }
            highest = Math.max(highest, id);
        }
        if (!outOfOrder.isEmpty()) {
            problems.add(
                    device + ": " + outOfOrder.size() + " ids first arrived out of order: " + abbreviate(outOfOrder));
        }
        if (notJson.containsKey(device)) {
            problems.add(device + ": payloads that are not JSON for ids " + abbreviate(notJson.get(device)));
        }
        return problems;
    }

    /** Messages taken, duplicates included. */
    public long messages() {
        return messages;
    }

    private static String abbreviate(List<?> items) {
        return items.size() <= 20 ? items.toString() : items.subList(0, 20) + " …";
    }
}
