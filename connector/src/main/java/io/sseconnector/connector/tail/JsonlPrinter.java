package io.sseconnector.connector.tail;

import io.sseconnector.core.SseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One JSON object per event on stdout: {@code {"event":TYPE,"data":DATA,"id":LAST_EVENT_ID}}, plus
 * {@code "retry":MS} when the event's block carried one. Status lines go to stderr, so stdout holds
 * nothing but events.
 */
public final class JsonlPrinter implements EventPrinter {
    private final JsonFactory json = new JsonFactory();
    private final PrintWriter out;
    private final PrintWriter err;

    public JsonlPrinter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void event(SseEvent event) {
        out.println(toJson(event));
        out.flush();
    }

    String toJson(SseEvent event) {
        StringWriter buffer = new StringWriter(event.data().length() + 64);
        try (JsonGenerator gen = json.createGenerator(ObjectWriteContext.empty(), buffer)) {
            gen.writeStartObject();
            gen.writeStringProperty("event", event.type());
            gen.writeStringProperty("data", event.data());
            gen.writeStringProperty("id", event.lastEventId());
            if (event.hasRetry()) {
                gen.writeNumberProperty("retry", event.retry());
            }
            gen.writeEndObject();
        }
        return buffer.toString();
    }

    @Override
    public void status(String line) {
        err.println(line);
        err.flush();
    }
}
