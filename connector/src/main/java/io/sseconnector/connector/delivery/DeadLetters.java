package io.sseconnector.connector.delivery;

import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.connector.route.Routes;
import io.sseconnector.connector.route.Target;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.stats.Shorten;
import io.sseconnector.connector.stats.ThrottledLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one device's delivery does with an event that cannot be delivered: finds its dead letters,
 * counts it ({@code Errors} by reason, then dead-lettered or given up), logs it (at most a line per
 * reason every 10 s, with how many were held back) and writes the notice that stands in for data a
 * dead letter cannot carry. Used under its {@link DeviceDelivery}'s monitor.
 */
final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDelivery.class);
    /** Writes notices; immutable once built, shared by every device. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String device;
    private final Routes routes;
    private final BridgeStats stats;
    private final ThrottledLog log = new ThrottledLog(Duration.ofSeconds(10));

    DeadLetters(String device, Routes routes, BridgeStats stats) {
        this.device = device;
        this.routes = routes;
        this.stats = stats;
    }

    /** The dead letters of an event that goes nowhere else (not kept, or not routable), counted and logged. */
    List<Target> forEvent(String type, String id, String where, Undeliverable why) {
        stats.undeliverable(why.reason());
        List<Target> deadLetters = routes.deadLetters(type, why);
        count(!deadLetters.isEmpty());
        log(type, id, where, why, deadLetters.isEmpty() ? null : deadLetters.get(0));
        return deadLetters;
    }

    /**
     * The dead letter that replaces {@code target} for this event, counted and logged; {@code null}
     * when there is none (or {@code target} is itself one): the event is given up there.
     */
    Target replace(Target target, String type, String id, Undeliverable why) {
        Target deadLetter = target.toDeadLetter(why);
        if (target.isDeadLetter()) {
            stats.givenUp(); // counted as an error when it was dead-lettered
        } else {
            stats.undeliverable(why.reason());
            count(deadLetter != null);
        }
        log(type, id, target.destination().describe(), why, deadLetter);
        return deadLetter;
    }

    private void count(boolean deadLettered) {
        if (deadLettered) {
            stats.deadLettered();
        } else {
            stats.givenUp();
        }
    }

    private void log(String type, String id, String where, Undeliverable why, Target deadLetter) {
        log.log(
                why.reason().label(),
                System.nanoTime(),
                held -> LOG.warn(
                        "device {}: {} event id '{}' cannot be delivered to {} ({}); {}{}",
                        device,
                        Shorten.forLog(type),
                        Shorten.forLog(id),
                        where,
                        Shorten.forLog(why.describe()),
                        deadLetter == null
                                ? "given up: there is no dead-letter route (configure deadLetterTopic or an mqtt section)"
                                : "sent to the dead-letter route "
                                        + deadLetter.destination().describe(),
                        held == 0 ? "" : " (" + held + " more such events since the last line)"));
    }

    /** What a dead letter carries in place of data it cannot carry: a JSON object saying what was lost. */
    byte[] notice(String type, String id, long size, String why) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("device", device);
        notice.put("event", type);
        notice.put("id", id);
        notice.put("size", size);
        notice.put("error", why);
        return JSON.writeValueAsBytes(notice);
    }
}
