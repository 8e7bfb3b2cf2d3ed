package io.sseconnector.client.internal;

import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseLimits;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The log line about one stream's skipped events, rate-limited: a device that sends nothing but
 * oversized events must not flood the log. The first skip is told at once, later ones at most
 * once per {@link #INTERVAL_NANOS}, with how many went untold in between. Event-loop only.
 */
final class SkipLog {
    /** At most one line per minute and stream. */
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Type and id come from the peer: quoted and cut in the log line. */
    private static final int MAX_TEXT = 64;

    private boolean told;
    private long toldAtNanos;
    private long untold;

    /** The line to log for this skip at {@code nowNanos}, or null when the rate limit holds it back. */
    String line(URI uri, SkippedEvent skipped, SseLimits limits, long nowNanos) {
        if (told && nowNanos - toldAtNanos < INTERVAL_NANOS) {
            untold++;
            return null;
        }
        String what = skipped.limit() == SkippedEvent.Limit.MAX_LINE_LENGTH
                ? "a line longer than " + skipped.limit().settingName()
                : "data larger than " + skipped.limit().settingName();
        String line = "GET " + LogText.url(uri) + ": skipped event type "
                + LogText.quote(skipped.type(), MAX_TEXT) + " (last id "
                + LogText.quote(skipped.lastEventId(), MAX_TEXT) + ", " + skipped.dataBytes() + " data bytes): "
                + what + " (" + skipped.limit().valueIn(limits) + " bytes); the stream goes on"
                + (untold > 0 ? " (" + untold + " more skipped since the last report)" : "");
        told = true;
        toldAtNanos = nowNanos;
        untold = 0;
        return line;
    }
}
