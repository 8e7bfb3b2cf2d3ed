package io.sseconnector.broker;

/** The embedded broker did not start; the message says why and what was tried. */
public final class BrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
