package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;
import java.util.List;
import java.util.Objects;

/**
 * The routes of one asset: each event entry matches an SSE type exactly or {@code *} for all; an
 * SSE type no entry matches goes to {@code defaults}.
 */
public record AssetRoutes(String asset, List<EventRoute> events, List<Destination> defaults) {
    /** The SSE type an entry matches for every type. */
    public static final String ANY = "*";

    public AssetRoutes {
        Objects.requireNonNull(asset, "asset");
        events = List.copyOf(events);
        defaults = List.copyOf(defaults);
    }

    /**
     * One asset event.
     *
     * @param name the asset event's name
     * @param eventNotifier the SSE type it matches, or {@link #ANY}
     * @param gate schema learning and checking for its payloads, or {@code null} for none
     * @param deadLetter its {@code deadLetterTopic}, or {@code null} for the router's default
     */
    public record EventRoute(
            String name,
            String eventNotifier,
            List<Destination> destinations,
            PayloadGate gate,
            Destination deadLetter) {
        public EventRoute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(eventNotifier, "eventNotifier");
            destinations = List.copyOf(destinations);
        }

        public EventRoute(String name, String eventNotifier, List<Destination> destinations) {
            this(name, eventNotifier, destinations, null, null);
        }

        boolean matches(String type) {
            return eventNotifier.equals(ANY) || eventNotifier.equals(type);
        }
    }
}
