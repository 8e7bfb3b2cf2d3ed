package io.sseconnector.benchmarks.harness;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK transport floor: {@code java.net.http.HttpClient} (HTTP/1.1) reading the body with
 * {@code BodyHandlers.ofInputStream()} into a 64 KiB array and counting blank lines, no parsing
 * (the same scan as the Netty floor).
 * The alternative to Netty for sse-client's transport.
 */
final class JdkHttpClientFloorConsumer implements Consumer {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Tally read(URI uri, long events) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        BlankLineCounter counter = new BlankLineCounter();
        byte[] buf = new byte[64 * 1024];
        ByteBuf view = Unpooled.wrappedBuffer(buf);
        long reads = 0;
        try (InputStream in = response.body()) {
            int n;
            while (counter.count() < events && (n = in.read(buf)) > 0) {
                reads++;
                counter.feed(view.setIndex(0, n), events);
            }
        }
        if (Boolean.getBoolean("harness.debug")) {
            System.err.printf(
                    "floor-jdk: %d reads, %.0f B each%n", reads, (double) counter.bytes() / Math.max(1, reads));
        }
        return new Tally(counter.count(), -1, counter.bytes());
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
