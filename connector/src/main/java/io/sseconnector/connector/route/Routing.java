package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;
import java.util.List;

/**
 * Where events of one SSE type go: the matches, and (when none of them checks payloads) the
 * ready-made target list, so the common case allocates nothing per event.
 */
public record Routing(List<Match> matches, List<Target> plainTargets) {
    /** One matching asset event (or an asset's defaults, or the unmatched destination). */
    public record Match(String asset, List<Destination> destinations, PayloadGate gate) {}

    /** Whether events of this type go nowhere (dropped, counted). */
    public boolean isDrop() {
        return matches.isEmpty();
    }
}
