package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.Undeliverable;

/**
 * One place a routed event goes.
 *
 * @param asset the asset whose route chose it ({@code null} for unmatched events)
 * @param destination where the event is sent
 * @param deadLetter where the event goes when {@code destination} cannot take it; {@code null} when
 *     there is no such place (then the event is given up there, logged and counted)
 * @param failure why the event goes here instead of its route's destinations, when this target is a
 *     dead letter; else {@code null}
 */
public record Target(String asset, Destination destination, Destination deadLetter, Undeliverable failure) {
    public Target(String asset, Destination destination, Destination deadLetter) {
        this(asset, destination, deadLetter, null);
    }

    /** Whether this target is itself a dead letter. */
    public boolean isDeadLetter() {
        return failure != null;
    }

    /** The text of the dead letter's {@code error} property ({@code reason: detail}), else {@code null}. */
    public String error() {
        return failure == null ? null : failure.describe();
    }

    /** The dead letter that replaces this target; {@code null} when there is none (or this is one). */
    public Target toDeadLetter(Undeliverable why) {
        return deadLetter == null || isDeadLetter() ? null : new Target(asset, deadLetter, null, why);
    }
}
