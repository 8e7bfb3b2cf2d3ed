package io.sseconnector.client;

/** Why a stream failed for good; the message is one line, safe to log. */
public final class SseClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status behind the failure, or {@code -1}. */
    private final int status;

    public SseClientException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public SseClientException(String message) {
        this(message, -1, null);
    }

    public int status() {
        return status;
    }
}
