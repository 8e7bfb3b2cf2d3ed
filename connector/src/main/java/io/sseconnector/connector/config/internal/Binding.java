package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.UnmatchedPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the binders of one load share: the problems, the scalar conversions, and the names seen so
 * far, for the checks that span sections (dangling references, duplicates, "needs the mqtt
 * section").
 */
final class Binding {
    final Scalars scalars;
    final Problems problems;
    /** Device name → where it was defined. */
    final Map<String, Node> devices = new LinkedHashMap<>();
    /** Channel id → where it was defined. */
    final Map<String, Node> channels = new LinkedHashMap<>();
    /** Every node that publishes to MQTT (destinations, unmatched, dead-letter topics). */
    final List<Node> mqttUses = new ArrayList<>();
    /** Every Sse destination's channel node, with the id it names. */
    final List<Map.Entry<String, Node>> channelUses = new ArrayList<>();
    /** The MQTT version (for MQTT 5-only settings), 5 when there is no mqtt section. */
    int mqttVersion = 5;
    /** The top-level unmatched policy: each device's default. */
    UnmatchedPolicy unmatched = UnmatchedPolicy.DEFAULT;

    Binding(Scalars scalars) {
        this.scalars = scalars;
        this.problems = scalars.problems();
    }

    /**
     * Builds a record, turning a violated invariant into an error at {@code node}. The binders check
     * every invariant first, with better positions; this is the safety net.
     */
    <T> Optional<T> build(Node node, Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.error(node, "invalid: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Reports the second use of a unique name, pointing at the first. */
    boolean unique(Map<String, Node> seen, String name, Node node, String what) {
        Node first = seen.get(name);
        if (first != null) {
            problems.error(
                    node,
                    what + " '" + name + "' is already used at line "
                            + first.mark().line() + "; names are unique");
            return false;
        }
        seen.put(name, node);
        return true;
    }

    /** The items of a list node, or empty after an "expected a list" error. */
    List<Node> items(Node node, String expected) {
        if (node instanceof Node.ListNode list) {
            return list.items();
        }
        scalars.wrongType(node, expected);
        return List.of();
    }
}
