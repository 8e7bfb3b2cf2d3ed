package io.sseconnector.server;

/** Answers one routed request. Runs on an event loop thread: must not block. */
@FunctionalInterface
public interface RequestHandler {
    /**
     * @return the response; an exception becomes a 500 (logged with the request line)
     */
    Response handle(Request request);
}
