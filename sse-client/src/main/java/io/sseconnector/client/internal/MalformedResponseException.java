package io.sseconnector.client.internal;

/**
 * An HTTP/1.1 response that breaks the protocol: a head or a chunked body that cannot be read.
 * The connection is useless after it; the client reports it as a retryable failure. Its message
 * says what was wrong in words fit for a log line.
 */
final class MalformedResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A byte as a log shows it: printable ASCII as itself, anything else as hex. */
    static String describe(byte b) {
        int c = b & 0xFF;
        return c >= 0x21 && c < 0x7F ? "'" + (char) c + "'" : String.format("0x%02X", c);
    }
}
