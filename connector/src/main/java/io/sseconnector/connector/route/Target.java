package io.sseconnector.connector.route;

import io.sseconnector.connector.destination.Destination;

/**
 * One place a routed event goes.
 *
 * @param asset the asset whose route chose it ({@code null} for unmatched events)
 * @param error why the payload failed validation, when this is a dead-letter target; else {@code null}
 */
public record Target(String asset, Destination destination, String error) {
    public Target(String asset, Destination destination) {
        this(asset, destination, null);
    }
}
