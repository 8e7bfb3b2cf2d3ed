package io.sseconnector.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseHandler;
import io.sseconnector.core.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's SSE subscriber: the JDK HttpClient's body stream fed to sse-core's {@link SseParser} on a
 * reader thread; events and comments are recorded, and how the stream ended. Shared with the
 * connector's simulator tests through this module's test-jar.
 */
public final class SseReader implements AutoCloseable {
    /** How the body ended: {@code error} is null for a clean end of stream. */
    public record End(Throwable error) {}

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CompletableFuture<End> end = new CompletableFuture<>();
    private volatile long bytes;

    private SseReader(HttpResponse<InputStream> response) {
        this.response = response;
    }

    public static SseReader open(HttpClient client, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        SseReader reader = new SseReader(response);
        Thread.ofPlatform().daemon().name("sse-reader " + uri).start(reader::read);
        return reader;
    }

    public static SseReader open(HttpClient client, URI uri) {
        return open(client, uri, Map.of());
    }

    private void read() {
        SseParser parser = new SseParser(new SseHandler() {
            @Override
            public void onEvent(SseEvent event) {
                events.add(event);
            }

            @Override
            public void onComment(String text) {
                comments.add(text);
            }
        });
        byte[] buffer = new byte[8192];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes += n;
                parser.feed(buffer, 0, n);
            }
            parser.end();
            end.complete(new End(null));
        } catch (IOException | RuntimeException e) {
            parser.end();
            end.complete(new End(e));
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next {@code count} events, failing after the timeout. */
    public List<SseEvent> take(int count, Duration timeout) {
        List<SseEvent> taken = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (taken.size() < count) {
                SseEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(event)
                        .as("event %d of %d within %s (stream ended: %s)", taken.size() + 1, count, timeout, end)
                        .isNotNull();
                taken.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return taken;
    }

    public List<SseEvent> take(int count) {
        return take(count, Duration.ofSeconds(10));
    }

    /** Events received and not taken yet. */
    public List<SseEvent> drain() {
        List<SseEvent> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    public BlockingQueue<String> comments() {
        return comments;
    }

    public long bytesRead() {
        return bytes;
    }

    public CompletableFuture<End> end() {
        return end;
    }

    /** Waits for the end of the body. */
    public End awaitEnd(Duration timeout) {
        return end.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing a broken stream
        }
    }

    public static List<Long> ids(List<SseEvent> events) {
        return events.stream().map(e -> Long.parseLong(e.lastEventId())).toList();
    }

    public static List<Long> range(long first, long last) {
        List<Long> ids = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            ids.add(id);
        }
        return ids;
    }
}
