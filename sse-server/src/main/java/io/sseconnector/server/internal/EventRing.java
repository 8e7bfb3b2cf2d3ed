package io.sseconnector.server.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} events of a log, by id (consecutive, from 1). Owns one reference to
 * each kept buffer and releases it on eviction. Not thread-safe: the log's lock guards it.
 */
final class EventRing {
    private final EncodedEvent[] slots;
    private long newestId;
    private int size;

    EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history size must be >= 1, was " + capacity);
        }
        this.slots = new EncodedEvent[capacity];
    }

    /** Keeps the event, which must be the next id, and drops the oldest when full. */
    void append(EncodedEvent event) {
        if (event.id() != newestId + 1) {
            throw new IllegalArgumentException("expected id " + (newestId + 1) + ", got " + event.id());
        }
        int slot = slot(event.id());
        if (size == slots.length) {
            slots[slot].bytes().release();
        } else {
            size++;
        }
        slots[slot] = event;
        newestId = event.id();
    }

    /** The newest id kept or issued, 0 before the first event. */
    long newestId() {
        return newestId;
    }

    /** The oldest id kept ({@code newestId + 1} when empty). */
    long oldestId() {
        return newestId - size + 1;
    }

    int size() {
        return size;
    }

    /**
     * Where a subscriber with this last event id resumes: the id after which kept events are
     * replayed. The rules are {@link io.sseconnector.server.EventLog}'s: none means live only; an id
     * kept (or just before the oldest) resumes right after it; an id older than the history, newer
     * than the newest, or not a number replays everything kept.
     */
    long resumeAfter(String lastEventId) {
        if (lastEventId.isEmpty()) {
            return newestId;
        }
        long everything = oldestId() - 1;
        long id = parseId(lastEventId);
        if (id < everything || id > newestId) {
            return everything;
        }
        return id;
    }

    /** The kept events with ids above {@code afterId}, oldest first, not retained. */
    List<EncodedEvent> after(long afterId) {
        long from = Math.max(afterId + 1, oldestId());
        List<EncodedEvent> events = new ArrayList<>((int) Math.max(0, newestId - from + 1));
        for (long id = from; id <= newestId; id++) {
            events.add(slots[slot(id)]);
        }
        return events;
    }

    /** Releases every kept buffer; the ring is empty afterwards (ids continue). */
    void clear() {
        for (long id = oldestId(); id <= newestId; id++) {
            int slot = slot(id);
            slots[slot].bytes().release();
            slots[slot] = null;
        }
        size = 0;
    }

    private int slot(long id) {
        return (int) (id % slots.length);
    }

    /** A decimal id of at most 18 digits, or -1. */
    private static long parseId(String text) {
        if (text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
