package io.sseconnector.connector.tail;

import io.sseconnector.core.SseEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For people: receive time, type and id on one line, then the data, JSON pretty-printed when it
 * parses as an object or array, else as sent; status lines in between.
 */
public final class PrettyPrinter implements EventPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final PrintWriter out;
    private final Clock clock;

    public PrettyPrinter(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void event(SseEvent event) {
        StringBuilder line = new StringBuilder(128)
                .append(LocalTime.now(clock).format(TIME))
                .append("  ")
                .append(event.type());
        if (!event.lastEventId().isEmpty()) {
            line.append("  id=").append(event.lastEventId());
        }
        if (event.hasRetry()) {
            line.append("  retry=").append(event.retry()).append("ms");
        }
        out.println(line);
        out.println(indent(formatData(event.data())));
        out.flush();
    }

    String formatData(String data) {
        String trimmed = data.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode node = mapper.readTree(data);
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            } catch (JacksonException notJson) {
                // Shown as sent: looking like JSON is not being JSON.
            }
        }
        return data;
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    @Override
    public void status(String line) {
        out.println("-- " + line);
        out.flush();
    }
}
