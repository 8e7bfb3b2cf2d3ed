package io.sseconnector.benchmarks.harness;

import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseStream;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.core.SseEvent;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ours: sse-client (Netty transport, sse-core parser); events arrive on the stream's I/O thread. */
final class OursConsumer implements Consumer {
    private final SseClient client = SseClient.create();

    @Override
    public Tally read(URI uri, long events) throws Exception {
        Listener listener = new Listener(events);
        SseStream stream = client.open(SseClientConfig.of(uri).withReconnect(false), listener::onSignal);
        try {
            if (!listener.done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no end after 5 minutes, " + listener.events + " events");
            }
        } finally {
            stream.close();
        }
        if (listener.failure != null) {
            throw new IllegalStateException(listener.failure);
        }
        return new Tally(listener.events, listener.dataLength, -1);
    }

    private static final class Listener {
        private final long limit;
        private final CountDownLatch done = new CountDownLatch(1);
        private long events;
        private long dataLength;
        private long typeLength;
        private volatile String failure;

        Listener(long limit) {
            this.limit = limit;
        }

        void onSignal(StreamSignal signal) {
            switch (signal) {
                case StreamSignal.Event(SseEvent event) -> {
                    if (events < limit) {
                        typeLength += event.type().length();
                        dataLength += event.data().length();
                        if (++events == limit) {
                            done.countDown();
                        }
                    }
                }
                case StreamSignal.Failed(var error) -> {
                    failure = "stream failed: " + error.getMessage();
                    done.countDown();
                }
                case StreamSignal.Closed closed -> done.countDown();
                case StreamSignal.Retrying retrying -> {
                    failure = "stream retrying: " + retrying.reason();
                    done.countDown();
                }
                case StreamSignal.Opened opened -> {}
                case StreamSignal.Comment comment -> {}
                case StreamSignal.Skipped skipped -> {
                    failure = "event skipped past the parser's limits: " + skipped.skipped();
                    done.countDown();
                }
            }
        }
    }
}
