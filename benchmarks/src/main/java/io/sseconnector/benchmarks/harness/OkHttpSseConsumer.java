package io.sseconnector.benchmarks.harness;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/** okhttp-sse 5: {@code EventSources.createFactory(client).newEventSource(...)}, events on its dispatcher thread. */
final class OkHttpSseConsumer implements Consumer {
    private final OkHttpClient client =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private final EventSource.Factory factory = EventSources.createFactory(client);

    @Override
    public Tally read(URI uri, long events) throws Exception {
        Listener listener = new Listener(events);
        EventSource source =
                factory.newEventSource(new Request.Builder().url(uri.toString()).build(), listener);
        try {
            if (!listener.done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no end after 5 minutes, " + listener.events + " events");
            }
        } finally {
            source.cancel();
        }
        if (listener.failure != null) {
            throw new IllegalStateException(listener.failure);
        }
        return new Tally(listener.events, listener.dataLength, -1);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static final class Listener extends EventSourceListener {
        private final long limit;
        private final CountDownLatch done = new CountDownLatch(1);
        private long events;
        private long dataLength;
        private long typeLength;
        private volatile String failure;

        Listener(long limit) {
            this.limit = limit;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (events < limit) {
                typeLength += type == null ? 0 : type.length();
                dataLength += data.length();
                if (++events == limit) {
                    done.countDown();
                }
            }
        }

        @Override
        public void onClosed(EventSource source) {
            done.countDown();
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            if (events < limit) {
                failure = "failed after " + events + " events: " + t + (response == null ? "" : " " + response);
            }
            done.countDown();
        }
    }
}
