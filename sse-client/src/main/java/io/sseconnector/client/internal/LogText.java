package io.sseconnector.client.internal;

import java.net.URI;

/** Small formatting helpers for log lines and signal reasons; internal, public for {@code SseClientConfig}. */
public final class LogText {
    private LogText() {}

    /** The URL without user info (a password may hide there). */
    static String url(URI uri) {
        return withoutUserInfo(uri).toString();
    }

    /** The URL without user info, for what leaves the client (signals, messages, log lines). */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        // A parsed user info holds no unescaped '@': the first one after "//" ends it.
        String text = uri.toString();
        int start = text.indexOf("//") + 2;
        return URI.create(text.substring(0, start) + text.substring(text.indexOf('@', start) + 1));
    }

    /** {@code 250 ms}, {@code 4.2 s}. */
    static String millis(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long tenths = Math.round(millis / 100.0);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10)) + " s";
    }

    /** One line for an exception: its type and message, and the root cause when different. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (root != error && root.getMessage() != null && !text.contains(root.getMessage())) {
            text = text + ": " + root.getMessage();
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Text received from a peer, for a log line: in quotes, control characters as {@code ?},
     * at most {@code max} characters (then an ellipsis).
     */
    static String quote(String text, int max) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 3).append('"');
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        if (text.length() > max) {
            b.append('…');
        }
        return b.append('"').toString();
    }
}
