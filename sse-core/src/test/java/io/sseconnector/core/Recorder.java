package io.sseconnector.core;

import java.util.ArrayList;
import java.util.List;

/** An {@link SseHandler} that records every call in order. */
final class Recorder implements SseHandler {
    /** One thing a parser reported. */
    sealed interface Call permits Event, Comment, Retry, Skipped {}

    record Event(SseEvent event) implements Call {}

    record Comment(String text) implements Call {}

    record Retry(long millis) implements Call {}

    record Skipped(SkippedEvent skipped) implements Call {}

    final List<Call> calls = new ArrayList<>();

    @Override
    public void onEvent(SseEvent event) {
        calls.add(new Event(event));
    }

    @Override
    public void onComment(String text) {
        calls.add(new Comment(text));
    }

    @Override
    public void onRetry(long millis) {
        calls.add(new Retry(millis));
    }

    @Override
    public void onSkipped(SkippedEvent skipped) {
        calls.add(new Skipped(skipped));
    }
}
