package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.SignalRecorder;
import io.sseconnector.core.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the application controls: filter, pause/resume, close, counters, many streams. */
class StreamControlTest extends ClientTestSupport {

    @Test
    void theTypeFilterPassesOnlyTheChosenTypesAndCountsTheRest() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("event: a\ndata: 1\n\nevent: b\ndata: 2\n\ndata: 3\n\nevent: a\ndata: 4\n\n")
                .thenHang());

        SseStream stream = open(config("/events").withEventTypes(Set.of("a")));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("1");
        assertThat(recorder.nextEvent().data()).isEqualTo("4");
        assertThat(stream.stats().filtered()).isEqualTo(2);
        assertThat(stream.stats().events()).isEqualTo(2);
    }

    @Test
    void pauseStopsDeliveryAndResumeContinuesWithNothingLost() throws Exception {
        int count = 50_000;
        String padding = "x".repeat(200);
        server.enqueue(ScriptedResponse.sse()
                .write(out -> {
                    StringBuilder batch = new StringBuilder();
                    for (int i = 1; i <= count; i++) {
                        batch.append("id: ")
                                .append(i)
                                .append("\ndata: ")
                                .append(padding)
                                .append("\n\n");
                        if (i % 100 == 0) {
                            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                            batch.setLength(0);
                        }
                    }
                })
                .thenHang());

        SseStream stream = open(config("/events"));
        recorder.next(StreamSignal.Opened.class);
        List<Long> ids = new ArrayList<>();
        ids.add(Long.parseLong(recorder.nextEvent().lastEventId()));
        stream.pause();
        // What was read before the pause took effect still arrives; then nothing does.
        // A generous window, so that a loaded machine still delivers all of it before the check below.
        for (StreamSignal s : recorder.during(Duration.ofSeconds(1))) {
            ids.add(Long.parseLong(((StreamSignal.Event) s).event().lastEventId()));
        }
        assertThat(recorder.during(Duration.ofMillis(500))).isEmpty();
        assertThat(ids.size()).isLessThan(count);

        stream.resume();
        while (ids.size() < count) {
            ids.add(Long.parseLong(recorder.nextEvent().lastEventId()));
        }
        for (int i = 0; i < count; i++) {
            assertThat(ids.get(i)).isEqualTo(i + 1L);
        }
        assertThat(stream.stats().events()).isEqualTo(count);
    }

    @Test
    void aPauseFromTheListenerStopsDeliveryWithinALargeReadAndResumeDeliversTheRest() throws Exception {
        // One write of ~2 MB: the client's reads grow to up to 1 MiB, yet a pause stops delivery
        // after the 64 KiB slice the parser was working on; the rest of the read waits for resume().
        int count = 10_000;
        String padding = "z".repeat(200);
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            body.append("id: ").append(i).append("\ndata: ").append(padding).append("\n\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        server.enqueue(ScriptedResponse.sse().write(out -> out.write(bytes)));
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger pausedAt = new AtomicInteger();
        AtomicBoolean paused = new AtomicBoolean();
        AtomicInteger overshoot = new AtomicInteger();
        AtomicReference<SseStream> ref = new AtomicReference<>();
        List<Long> ids = new ArrayList<>();
        SignalRecorder inner = recorder;
        SseStream stream = client.open(config("/events").withReconnect(false), signal -> {
            inner.onSignal(signal);
            if (!(signal instanceof StreamSignal.Event)) {
                return;
            }
            int n = delivered.incrementAndGet();
            if (paused.get()) {
                overshoot.accumulateAndGet(n - pausedAt.get(), Math::max);
            } else if (n % 1_000 == 1) {
                pausedAt.set(n);
                paused.set(true);
                ref.get().pause(); // events 1, 1001, 2001, ... pause the stream
            }
        });
        ref.set(stream);
        recorder.next(StreamSignal.Opened.class);

        int rounds = 0;
        boolean closed = false;
        while (ids.size() < count) {
            ids.add(Long.parseLong(recorder.nextEvent().lastEventId()));
            List<StreamSignal> more = recorder.during(Duration.ofMillis(300));
            for (StreamSignal s : more) {
                if (s instanceof StreamSignal.Event e) {
                    ids.add(Long.parseLong(e.event().lastEventId()));
                } else {
                    closed |= s instanceof StreamSignal.Closed;
                }
            }
            rounds++;
            paused.set(false);
            stream.resume();
        }
        assertThat(rounds).isGreaterThanOrEqualTo(count / 1_000);
        // After each pause, at most the rest of the 64 KiB slice being parsed (~305 events) came.
        assertThat(overshoot.get()).isLessThanOrEqualTo(64 * 1024 / 200);
        for (int i = 0; i < count; i++) {
            assertThat(ids.get(i)).isEqualTo(i + 1L);
        }
        if (!closed) {
            assertThat(recorder.next()).isInstanceOf(StreamSignal.Closed.class);
        }
        assertThat(stream.stats().events()).isEqualTo(count);
    }

    @Test
    void pauseFromTheListenerFinishesTheChunkAndStopsTheSocket() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("id: 1\ndata: a\n\nid: 2\ndata: b\n\n")
                .pause(Duration.ofMillis(100))
                .chunk("id: 3\ndata: c\n\n")
                .thenHang());
        AtomicReference<SseStream> ref = new AtomicReference<>();
        SignalRecorder inner = recorder;
        SseStream stream = client.open(config("/events"), signal -> {
            inner.onSignal(signal);
            if (signal instanceof StreamSignal.Event) {
                ref.get().pause();
            }
        });
        ref.set(stream);

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.nextEvent().data()).isEqualTo("b");
        assertThat(recorder.during(Duration.ofMillis(400))).isEmpty();
        stream.resume();
        assertThat(recorder.nextEvent().data()).isEqualTo("c");
    }

    @Test
    void pausingSuspendsTheIdleTimeout() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("data: a\n\n")
                .pause(Duration.ofMillis(600))
                .chunk("data: b\n\n")
                .thenHang());

        SseStream stream = open(config("/events").withReadTimeout(Duration.ofMillis(300)));
        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        stream.pause();
        Thread.sleep(1_000); // past the read timeout, and "b" is waiting in the socket
        stream.resume();

        assertThat(recorder.nextEvent().data()).isEqualTo("b");
    }

    @Test
    void closeSendsClosedOnceAndNothingAfter() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("data: a\n\n").thenHang());

        SseStream stream = open(config("/events"));
        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        stream.close();
        stream.close();

        assertThat(recorder.next(StreamSignal.Closed.class).reason()).isEqualTo("closed by the application");
        assertThat(recorder.during(Duration.ofMillis(200))).isEmpty();
        await().until(() -> server.openConnections() == 0);
    }

    @Test
    void closeWhileWaitingToReconnectCancelsTheReconnect() throws Exception {
        server.setDefault(ScriptedResponse.status(503));

        SseStream stream = open(config("/events").withBackoff(FAST.withInitialDelay(Duration.ofMillis(300))));
        recorder.next(StreamSignal.Retrying.class);
        stream.close();

        recorder.next(StreamSignal.Closed.class);
        assertThat(recorder.during(Duration.ofMillis(600))).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void closeFromTheListenerStopsTheRestOfTheChunk() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("data: a\n\ndata: b\n\ndata: c\n\n")
                .thenHang());
        AtomicReference<SseStream> ref = new AtomicReference<>();
        SignalRecorder inner = recorder;
        ref.set(client.open(config("/events"), signal -> {
            inner.onSignal(signal);
            if (signal instanceof StreamSignal.Event) {
                ref.get().close();
            }
        }));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        recorder.next(StreamSignal.Closed.class);
        assertThat(recorder.during(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheStream() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("data: a\n\ndata: b\n\n").thenHang());
        SignalRecorder inner = recorder;

        client.open(config("/events"), signal -> {
            inner.onSignal(signal);
            throw new IllegalStateException("listener bug");
        });

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.nextEvent().data()).isEqualTo("b");
    }

    @Test
    void statsCountWhatHappened() throws Exception {
        String body = ":hb\nevent: a\ndata: 1\n\nevent: b\ndata: 2\n\n";
        server.enqueue(ScriptedResponse.sse().chunk(body));
        server.enqueue(ScriptedResponse.sse().chunk(":hb\n").thenHang());

        SseStream stream = open(config("/events").withEventTypes(Set.of("a")));
        recorder.next(StreamSignal.Opened.class);
        recorder.next(StreamSignal.Comment.class);
        recorder.nextEvent();
        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
        recorder.next(StreamSignal.Comment.class);

        assertThat(stream.stats())
                .isEqualTo(new SseStreamStats(2, 1, 1, 2, 1, body.getBytes(StandardCharsets.UTF_8).length + 4, 0));
    }

    @Test
    void closingTheClientClosesEveryStream() throws Exception {
        server.setDefault(ScriptedResponse.sse().thenHang());
        SignalRecorder second = new SignalRecorder();
        open(config("/events"));
        client.open(config("/events"), second);
        recorder.next(StreamSignal.Opened.class);
        second.next(StreamSignal.Opened.class);

        client.close();

        assertThat(recorder.next(StreamSignal.Closed.class).reason()).isEqualTo("closed by the application");
        assertThat(second.next(StreamSignal.Closed.class).reason()).isEqualTo("closed by the application");
        assertThatThrownBy(() -> client.open(config("/events"), recorder)).isInstanceOf(IllegalStateException.class);
        await().until(() -> server.openConnections() == 0);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("sse-client-") && t.isAlive());
    }

    @Test
    void twoHundredStreamsShareOneClient() throws Exception {
        client.close();
        client = SseClient.create(2);
        server.setDefault(ScriptedResponse.sse().chunk("id: 9\ndata: hi\n\n").thenHang());
        int streams = 200;
        AtomicInteger events = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<SseStream> opened = new ArrayList<>();

        for (int i = 0; i < streams; i++) {
            opened.add(client.open(config("/events/" + i), signal -> {
                threads.add(Thread.currentThread().getName());
                if (signal instanceof StreamSignal.Event) {
                    SseEvent event = ((StreamSignal.Event) signal).event();
                    if (event.data().equals("hi")) {
                        events.incrementAndGet();
                    }
                }
            }));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> events.get() == streams);
        assertThat(server.requestCount()).isEqualTo(streams);
        assertThat(threads).hasSizeLessThanOrEqualTo(2);
        await().until(() -> opened.stream().allMatch(s -> s.lastEventId().equals("9")));
    }
}
