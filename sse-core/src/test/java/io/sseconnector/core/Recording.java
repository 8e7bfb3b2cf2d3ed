package io.sseconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;

/** The calls of a {@link Replay}, consumed in order by assertions; a test ends with none left. */
final class Recording {
    private final Replay.Run run;
    private final Deque<Recorder.Call> calls;

    Recording(Replay.Run run) {
        this.run = run;
        this.calls = new ArrayDeque<>(run.calls());
    }

    Replay.Run run() {
        return run;
    }

    /** The last event id after the whole stream was fed, before {@code end()}. */
    String lastEventId() {
        return run.lastEventId();
    }

    /** The last event id after {@code end()} discarded the unfinished block. */
    String lastEventIdAfterEnd() {
        return run.lastEventIdAfterEnd();
    }

    SseEvent takeEvent() {
        Recorder.Call call = calls.poll();
        assertThat(call).as("next call").isInstanceOf(Recorder.Event.class);
        return ((Recorder.Event) call).event();
    }

    void assertEvent(SseEvent expected) {
        assertThat(calls.poll()).as("next call").isEqualTo(new Recorder.Event(expected));
    }

    void assertEvent(String type, String data, String lastEventId) {
        assertEvent(new SseEvent(type, data, lastEventId, SseEvent.NO_RETRY));
    }

    /** An event of type {@code message} with no id and no retry. */
    void assertMessage(String data) {
        assertEvent(SseEvent.of(data));
    }

    void assertComment(String text) {
        assertThat(calls.poll()).as("next call").isEqualTo(new Recorder.Comment(text));
    }

    void assertRetry(long millis) {
        assertThat(calls.poll()).as("next call").isEqualTo(new Recorder.Retry(millis));
    }

    void assertSkipped(SkippedEvent expected) {
        assertThat(calls.poll()).as("next call").isEqualTo(new Recorder.Skipped(expected));
    }

    /** A skipped block of type {@code message} with no id. */
    void assertSkipped(long dataBytes, SkippedEvent.Limit limit) {
        assertSkipped(new SkippedEvent("message", "", dataBytes, limit));
    }

    void assertExhausted() {
        assertThat(calls).as("calls not yet asserted").isEmpty();
    }
}
