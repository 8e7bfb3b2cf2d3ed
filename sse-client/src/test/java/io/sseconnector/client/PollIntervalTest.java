package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client with a poll interval reads a busy stream at most once per interval (what arrived
 * meanwhile comes in one go), reads an idle stream's first event at once, and lets a close end the
 * wait. The interval is long here (400 ms) so that the batching shows through a loaded machine's
 * jitter.
 */
class PollIntervalTest {
    private static final Duration INTERVAL = Duration.ofMillis(400);
    /**
     * Longer than two intervals (the connect and the response head each end a poll that found
     * something): after it, the loop blocks until the next bytes and reads them at once.
     */
    private static final Duration QUIET = Duration.ofMillis(1200);

    private ScriptedSseServer server;
    private SseClient client;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

    private record Arrival(String data, long nanos) {}

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSseServer.start();
        client = SseClient.create(1, INTERVAL);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void open() {
        client.open(
                SseClientConfig.of(server.url("/events"))
                        .withConnectTimeout(Duration.ofSeconds(5))
                        .withReadTimeout(Duration.ofSeconds(30)),
                signal -> {
                    if (signal instanceof StreamSignal.Event event) {
                        arrivals.add(new Arrival(event.event().data(), System.nanoTime()));
                    }
                });
    }

    private Arrival next() throws InterruptedException {
        Arrival arrival = arrivals.poll(10, TimeUnit.SECONDS);
        assertThat(arrival).as("an event within 10 s").isNotNull();
        return arrival;
    }

    private static long millisBetween(Arrival a, Arrival b) {
        return TimeUnit.NANOSECONDS.toMillis(b.nanos() - a.nanos());
    }

    @Test
    void eventsOfABusyStreamArriveTogetherOncePerInterval() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .pause(QUIET) // the response head was read: the loop is idle again after this
                .chunk("data: 1\n\n")
                .pause(Duration.ofMillis(50))
                .chunk("data: 2\n\n")
                .pause(Duration.ofMillis(50))
                .chunk("data: 3\n\n")
                .thenHang());
        open();

        Arrival first = next();
        Arrival second = next();
        Arrival third = next();

        assertThat(List.of(first.data(), second.data(), third.data())).containsExactly("1", "2", "3");
        // written 50 ms apart: the first read at once, the others in the next poll, 400 ms later
        assertThat(millisBetween(first, second)).isGreaterThanOrEqualTo(300);
        assertThat(millisBetween(second, third)).isLessThan(100);
    }

    @Test
    void anIdleStreamsFirstEventIsReadAtOnce() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .pause(QUIET)
                .chunk("data: 1\n\n")
                .pause(Duration.ofMillis(1500))
                .chunk("data: 2\n\n")
                .thenHang());
        open();

        Arrival first = next();
        Arrival second = next();

        // no wait after a quiet spell longer than the interval: 1.5 s, not 1.5 s + up to 400 ms
        assertThat(millisBetween(first, second)).isBetween(1_400L, 1_750L);
    }

    @Test
    void closingTheClientDoesNotWaitOutTheInterval() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk("data: 1\n\n")
                .pause(Duration.ofMillis(20))
                .chunk("data: 2\n\n")
                .thenHang());
        open();
        next();
        Thread.sleep(50); // the loop now waits before its next poll

        long start = System.nanoTime();
        client.close();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(300);
    }
}
