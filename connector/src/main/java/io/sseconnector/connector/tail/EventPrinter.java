package io.sseconnector.connector.tail;

import io.sseconnector.core.SseEvent;

/** Prints what {@code tail} receives; {@link #event} flushes, so a pipe sees each event at once. */
public sealed interface EventPrinter permits JsonlPrinter, PrettyPrinter {
    void event(SseEvent event);

    /** A line about the connection (opened, reconnecting): never mixed into machine output. */
    void status(String line);
}
