package io.sseconnector.connector.destination.stream;

import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.RoutedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Appends one JSON object per event to a stream ({@code Stdout}) or a file ({@code File}):
 * {@code {"device":…,"asset":…,"event":TYPE,"id":…,"data":DATA}}. A send completes once the line
 * is written and flushed.
 */
public final class JsonLinesDestination implements Destination {
    private final JsonFactory json = new JsonFactory();
    private final String description;
    private final OutputStream out;

    private JsonLinesDestination(String description, OutputStream out) {
        this.description = description;
        this.out = out;
    }

    /** Lines on standard output. */
    public static JsonLinesDestination stdout() {
        return new JsonLinesDestination("stdout", System.out);
    }

    /** Lines appended to {@code path} (created with its folders when missing). */
    public static JsonLinesDestination file(Path path) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new JsonLinesDestination("file " + path, out);
    }

    /** Lines on a given stream (tests). */
    public static JsonLinesDestination to(String description, OutputStream out) {
        return new JsonLinesDestination(description, out);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public CompletableFuture<Void> send(RoutedEvent event) {
        byte[] line = line(event);
        try {
            synchronized (out) {
                out.write(line);
                out.flush();
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private byte[] line(RoutedEvent event) {
        StringWriter buffer = new StringWriter(event.payload().length + 96);
        try (JsonGenerator gen = json.createGenerator(ObjectWriteContext.empty(), buffer)) {
            gen.writeStartObject();
            gen.writeStringProperty("device", event.device());
            if (event.asset() != null) {
                gen.writeStringProperty("asset", event.asset());
            }
            gen.writeStringProperty("event", event.event().type());
            gen.writeStringProperty("id", event.event().lastEventId());
            gen.writeStringProperty("data", event.event().data());
            gen.writeEndObject();
        }
        buffer.write('\n');
        return buffer.toString().getBytes(StandardCharsets.UTF_8);
    }
}
