package com.launchdarkly.eventsource;

import com.launchdarkly.logging.LDLogger;
import java.io.InputStream;
import java.net.URI;

/**
 * Reaches LaunchDarkly's package-private {@code EventParser} so the parser benchmark can run it in
 * isolation, over an in-memory stream, exactly as {@code EventSource} drives it (no streaming of
 * event data, no expected fields, its default read buffer).
 */
public final class LaunchDarklyParser {
    private static final URI ORIGIN = URI.create("http://127.0.0.1/");

    private final EventParser parser;

    public LaunchDarklyParser(InputStream in) {
        this.parser =
                new EventParser(in, ORIGIN, EventSource.DEFAULT_READ_BUFFER_SIZE, false, null, LDLogger.none(), null);
    }

    /** The next message, comment or retry event; {@code null} at end of stream. */
    public StreamEvent next() {
        try {
            return parser.nextEvent();
        } catch (StreamClosedByServerException e) {
            return null;
        } catch (StreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
