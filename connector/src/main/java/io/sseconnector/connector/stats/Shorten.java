package io.sseconnector.connector.stats;

/** Cuts text from a source (an event type, an id) to a length a log line can carry. */
public final class Shorten {
    /** Characters of one value a log line shows. */
    static final int LOG_CHARS = 120;

    private Shorten() {}

    /** The value, or its first {@value #LOG_CHARS} characters and how long it was. */
    public static String forLog(String value) {
        if (value == null || value.length() <= LOG_CHARS) {
            return value;
        }
        return value.substring(0, LOG_CHARS) + "… (" + value.length() + " chars)";
    }
}
