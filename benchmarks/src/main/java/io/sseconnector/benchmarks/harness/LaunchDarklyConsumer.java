package io.sseconnector.benchmarks.harness;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamClosedByServerException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * LaunchDarkly okhttp-eventsource 4 (running on OkHttp 5): the synchronous {@code EventSource}
 * read with {@code readMessage()} on the calling thread, errors thrown rather than retried.
 */
final class LaunchDarklyConsumer implements Consumer {

    @Override
    public Tally read(URI uri, long events) throws Exception {
        long count = 0;
        long dataLength = 0;
        long typeLength = 0;
        try (EventSource source = new EventSource.Builder(
                        ConnectStrategy.http(uri).readTimeout(30, TimeUnit.SECONDS))
                .errorStrategy(ErrorStrategy.alwaysThrow())
                .build()) {
            source.start();
            while (count < events) {
                MessageEvent m;
                try {
                    m = source.readMessage();
                } catch (StreamClosedByServerException e) {
                    break;
                }
                typeLength += m.getEventName().length();
                dataLength += m.getData().length();
                count++;
            }
        }
        return new Tally(count, dataLength, -1);
    }
}
