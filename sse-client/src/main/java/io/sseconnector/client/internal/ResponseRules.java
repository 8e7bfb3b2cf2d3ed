package io.sseconnector.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The connection rules of an SSE client for one response head: pure functions. */
final class ResponseRules {
    /** What a response's status asks of the client. */
    enum Action {
        /** 200: open the stream if the content type is right. */
        OPEN,
        /** 301, 302, 303, 307, 308: follow Location. */
        REDIRECT,
        /** 204: stop, do not reconnect. */
        STOP,
        /** 408, 429, 500, 502, 503, 504: reconnect with backoff. */
        RETRY,
        /** 1xx other than 101: an interim response, wait for the final one. */
        INTERIM,
        /** Anything else: fail for good. */
        FAIL
    }

    static final String EVENT_STREAM = "text/event-stream";

    private ResponseRules() {}

    static Action action(int status) {
        switch (status) {
            case 200:
                return Action.OPEN;
            case 204:
                return Action.STOP;
            case 301:
            case 302:
            case 303:
            case 307:
            case 308:
                return Action.REDIRECT;
            case 408:
            case 429:
            case 500:
            case 502:
            case 503:
            case 504:
                return Action.RETRY;
            default:
                return status >= 100 && status < 200 && status != 101 ? Action.INTERIM : Action.FAIL;
        }
    }

    /** Whether a Content-Type value is {@code text/event-stream}, parameters allowed, any case. */
    static boolean isEventStream(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String mediaType = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return mediaType.equalsIgnoreCase(EVENT_STREAM);
    }

    /**
     * A {@code Retry-After} value as a delay from {@code now}: delta-seconds or an HTTP-date;
     * {@code -1} when absent or unreadable.
     */
    static long retryAfterMillis(String value, Instant now) {
        if (value == null) {
            return -1;
        }
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Math.multiplyExact(Long.parseLong(v), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return Long.MAX_VALUE; // absurdly large: the max delay caps it
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                    .toInstant();
            return Math.max(0, Duration.between(now, at).toMillis());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
