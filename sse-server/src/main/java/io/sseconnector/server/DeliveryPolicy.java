package io.sseconnector.server;

/**
 * Decides, for one SSE subscriber, what happens to each event before it is written: the hub's
 * topic filters skip events, the simulator's fault modes cut and stall connections. Called on the
 * subscriber's event loop, in id order, for replayed and live events alike: an instance serves one
 * subscriber and need not be thread-safe. It must not block.
 */
@FunctionalInterface
public interface DeliveryPolicy {
    /** What to do with the event at hand. */
    enum Action {
        /** Write it. */
        SEND,
        /** Do not write it; go on with the next one. */
        SKIP,
        /** Do not write it; end the stream cleanly (the last chunk) and close the connection. */
        CLOSE,
        /**
         * Write only the first half of its bytes, then close the connection without ending the
         * stream: a connection lost mid-event. A correct parser dispatches nothing of it.
         */
        CUT,
        /**
         * Write nothing more on this connection, not even keep-alive comments, and keep it open: a
         * peer that hangs. The connection ends when the client closes it or the server stops.
         */
        STALL
    }

    /**
     * @param id the event's id in its log
     * @param type the event's type ({@code message} when it had none)
     */
    Action decide(long id, String type);

    /** Sends every event. */
    static DeliveryPolicy sendAll() {
        return (id, type) -> Action.SEND;
    }
}
