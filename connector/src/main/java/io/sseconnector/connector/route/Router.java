package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses where one device's events go by SSE type: every matching event entry of every asset of
 * the device, else the asset's default destinations, else the {@code unmatched} destination ({@code
 * null}: drop). Used from the device's delivery only.
 */
public final class Router {
    private static final int MAX_CACHED_TYPES = 256;

    private final List<AssetRoutes> assets;
    private final Destination unmatched;
    private final Map<String, Routing> byType = new HashMap<>();

    /** @param unmatched where events no route matches go, or {@code null} to drop them (counted) */
    public Router(List<AssetRoutes> assets, Destination unmatched) {
        this.assets = List.copyOf(assets);
        this.unmatched = unmatched;
    }

    /** The routing of this SSE type. */
    public Routing route(String type) {
        Routing cached = byType.get(type);
        if (cached != null) {
            return cached;
        }
        Routing routing = compute(type);
        if (byType.size() < MAX_CACHED_TYPES) { // a source inventing types must not grow the cache
            byType.put(type, routing);
        }
        return routing;
    }

    private Routing compute(String type) {
        List<Routing.Match> matches = new ArrayList<>();
        for (AssetRoutes asset : assets) {
            boolean matched = false;
            for (AssetRoutes.EventRoute event : asset.events()) {
                if (event.matches(type)) {
                    matched = true;
                    matches.add(new Routing.Match(asset.asset(), event.destinations(), event.gate()));
                }
            }
            if (!matched && !asset.defaults().isEmpty()) {
                matches.add(new Routing.Match(asset.asset(), asset.defaults(), null));
            }
        }
        if (matches.isEmpty() && unmatched != null) {
            matches.add(new Routing.Match(null, List.of(unmatched), null));
        }
        List<Target> plain = null;
        if (matches.stream().allMatch(m -> m.gate() == null)) {
            plain = new ArrayList<>();
            for (Routing.Match match : matches) {
                for (Destination destination : match.destinations()) {
                    plain.add(new Target(match.asset(), destination));
                }
            }
            plain = List.copyOf(plain);
        }
        return new Routing(List.copyOf(matches), plain);
    }
}
