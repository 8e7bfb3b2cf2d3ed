package io.sseconnector.connector.simulator;

import io.sseconnector.core.SseEvent;
import io.sseconnector.server.EventLog;
import java.util.ArrayList;
import java.util.List;

/** One camera: its generator and its stream, which every subscriber of the camera shares. */
final class CameraDevice implements AutoCloseable {
    private final String id;
    private final CameraEventGenerator generator;
    private final EventLog log;

    CameraDevice(String id, CameraEventGenerator generator, int history) {
        this.id = id;
        this.generator = generator;
        this.log = EventLog.create(id, history);
    }

    String id() {
        return id;
    }

    EventLog log() {
        return log;
    }

    /** Real-time mode: publishes the events due by {@code elapsedMillis} on the camera's timeline. */
    int publishDue(long elapsedMillis) {
        List<SseEvent> batch = new ArrayList<>();
        while (generator.peekTime() <= elapsedMillis) {
            batch.add(toSse(generator.next()));
        }
        log.publish(batch);
        return batch.size();
    }

    /** Load mode: publishes the next {@code count} events, whatever their time. */
    void publishNext(int count) {
        List<SseEvent> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(toSse(generator.next()));
        }
        log.publish(batch);
    }

    private static SseEvent toSse(CameraEvent event) {
        return SseEvent.of(event.type().name(), event.json());
    }

    @Override
    public void close() {
        log.close();
    }
}
