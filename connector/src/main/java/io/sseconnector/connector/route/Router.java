package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.connector.schema.ValidationMode;
import io.sseconnector.connector.schema.Verdict;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.stats.ThrottledLog;
import io.sseconnector.core.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where one device's events go: every matching event entry of every asset of the device,
 * else the asset's default destinations, else the {@code unmatched} destination ({@code null}:
 * drop, counted). Payloads are checked against their schema here: under {@code enforce} an invalid
 * one goes to its dead-letter route instead, under {@code warn} it goes on, counted and logged.
 * Each target carries its dead-letter route: the asset event's {@code deadLetterTopic}, else the
 * router's default. Used from the device's delivery only.
 */
public final class Router implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int MAX_CACHED_TYPES = 256;

    private final String device;
    private final List<AssetRoutes> assets;
    private final Destination unmatched;
    private final Destination defaultDeadLetter;
    private final BridgeStats stats;
    private final ThrottledLog throttled = new ThrottledLog(Duration.ofSeconds(10));
    private final Map<String, Routing> byType = new HashMap<>();

    /**
     * @param unmatched where events no route matches go, or {@code null} to drop them (counted)
     * @param defaultDeadLetter where undeliverable events go when their route names no dead-letter
     *     topic, or {@code null} when there is no such place
     */
    public Router(
            String device,
            List<AssetRoutes> assets,
            Destination unmatched,
            Destination defaultDeadLetter,
            BridgeStats stats) {
        this.device = device;
        this.assets = List.copyOf(assets);
        this.unmatched = unmatched;
        this.defaultDeadLetter = defaultDeadLetter;
        this.stats = stats;
    }

    /** Where this event goes; empty when it is dropped as unmatched (counted here). */
    @Override
    public List<Target> targets(SseEvent event) {
        Routing routing = routing(event.type());
        if (routing.plain() != null) {
            if (routing.plain().isEmpty()) {
                stats.unmatchedDropped();
            }
            return routing.plain();
        }
        return gated(routing, event);
    }

    /**
     * The dead letters for an event of this type that cannot be delivered at all (say it was too
     * large to keep): one per distinct dead-letter route of its matches, or the default one.
     */
    @Override
    public List<Target> deadLetters(String type, Undeliverable why) {
        Map<Destination, Target> distinct = new LinkedHashMap<>();
        for (Match match : routing(type).matches()) {
            Destination deadLetter = match.deadLetter();
            if (deadLetter != null) {
                distinct.putIfAbsent(deadLetter, new Target(match.asset(), deadLetter, null, why));
            }
        }
        if (distinct.isEmpty() && defaultDeadLetter != null) {
            return List.of(new Target(null, defaultDeadLetter, null, why));
        }
        return List.copyOf(distinct.values());
    }

    private Routing routing(String type) {
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

    private List<Target> gated(Routing routing, SseEvent event) {
        List<Target> targets = new ArrayList<>();
        for (Match match : routing.matches()) {
            Verdict verdict =
                    match.gate() == null ? Verdict.VALID : match.gate().check(event.data());
            if (verdict.valid()) {
                match.addTargets(targets);
            } else if (match.gate().mode() == ValidationMode.ENFORCE) {
                stats.undeliverable(Undeliverable.Reason.SCHEMA);
                Undeliverable why = new Undeliverable(Undeliverable.Reason.SCHEMA, verdict.reason());
                if (match.deadLetter() != null) {
                    stats.deadLettered();
                    targets.add(new Target(match.asset(), match.deadLetter(), null, why));
                } else {
                    stats.givenUp();
                }
                throttled.log(
                        "schema",
                        System.nanoTime(),
                        held -> LOG.warn(
                                "device {}: {} event id '{}' does not match the schema of asset {} ({}); {}{}",
                                device,
                                event.type(),
                                event.lastEventId(),
                                match.asset(),
                                verdict.reason(),
                                match.deadLetter() == null
                                        ? "dropped: no dead-letter route"
                                        : "sent to " + match.deadLetter().describe(),
                                held == 0 ? "" : " (" + held + " more since the last such line)"));
            } else {
                stats.invalid();
                throttled.log(
                        "invalid",
                        System.nanoTime(),
                        held -> LOG.warn(
                                "device {}: {} event id '{}' does not match the schema of asset {}: {}"
                                        + " (validation: warn, delivered anyway){}",
                                device,
                                event.type(),
                                event.lastEventId(),
                                match.asset(),
                                verdict.reason(),
                                held == 0 ? "" : " (" + held + " more since the last such line)"));
                match.addTargets(targets);
            }
        }
        return targets;
    }

    private Routing compute(String type) {
        List<Match> matches = new ArrayList<>();
        for (AssetRoutes asset : assets) {
            boolean matched = false;
            for (AssetRoutes.EventRoute event : asset.events()) {
                if (event.matches(type)) {
                    matched = true;
                    Destination deadLetter = event.deadLetter() != null ? event.deadLetter() : defaultDeadLetter;
                    matches.add(new Match(asset.asset(), event.destinations(), event.gate(), deadLetter));
                }
            }
            if (!matched && !asset.defaults().isEmpty()) {
                matches.add(new Match(asset.asset(), asset.defaults(), null, defaultDeadLetter));
            }
        }
        if (matches.isEmpty() && unmatched != null) {
            matches.add(new Match(null, List.of(unmatched), null, defaultDeadLetter));
        }
        List<Target> plain = null;
        if (matches.stream().allMatch(m -> m.gate() == null)) {
            plain = new ArrayList<>();
            for (Match match : matches) {
                match.addTargets(plain);
            }
            plain = List.copyOf(plain);
        }
        return new Routing(List.copyOf(matches), plain);
    }

    /**
     * Where events of one SSE type go: the matches, and (when none of them checks payloads) the
     * ready-made target list, so the common case allocates nothing per event.
     */
    private record Routing(List<Match> matches, List<Target> plain) {}

    /** One matching asset event (or an asset's defaults, or the unmatched destination). */
    private record Match(String asset, List<Destination> destinations, PayloadGate gate, Destination deadLetter) {
        void addTargets(List<Target> targets) {
            for (Destination destination : destinations) {
                targets.add(new Target(asset, destination, deadLetter));
            }
        }
    }
}
