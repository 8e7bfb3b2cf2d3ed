package io.sseconnector.connector.delivery;

/** Lets a device's delivery stop and restart the reading of its source (the SSE stream). */
public interface FlowControl {
    /** Stop reading: the buffer is full under {@code overflow: block}. Calling it again has no effect. */
    void pause();

    /** Read again: the buffer drained. Calling it when not paused has no effect. */
    void resume();
}
