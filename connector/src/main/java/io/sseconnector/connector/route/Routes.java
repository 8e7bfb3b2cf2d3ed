package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.core.SseEvent;
import java.util.List;

/** Where one device's events go; what a delivery asks of its {@link Router}. */
public interface Routes {
    /** Where this event goes; empty when it is dropped (counted by the implementation). */
    List<Target> targets(SseEvent event);

    /** Where an event of this type goes when it cannot be delivered at all; empty when nowhere. */
    List<Target> deadLetters(String type, Undeliverable why);
}
