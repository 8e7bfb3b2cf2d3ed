package io.sseconnector.benchmarks.harness;

import java.net.URI;
import java.util.List;

/**
 * One client under test. Created once per JVM (client construction is not measured); {@link #read}
 * runs once to warm up and once measured.
 */
public interface Consumer extends AutoCloseable {

    /**
     * Reads the stream at {@code uri} until {@code events} events (or its end) and says what it saw.
     * An SSE consumer reads each event's type and data as Strings and sums the data lengths; a
     * transport floor counts blank lines and body bytes instead.
     */
    Tally read(URI uri, long events) throws Exception;

    /**
     * @param events events (or blank lines) seen
     * @param dataLength sum of data lengths, or -1 for a floor
     * @param bodyBytes body bytes read, or -1 when the consumer cannot see them
     */
    record Tally(long events, long dataLength, long bodyBytes) {}

    @Override
    default void close() throws Exception {}

    /** The consumers by name, in the order the harness alternates them by default. */
    static Consumer create(String name) {
        return switch (name) {
            case "ours" -> new OursConsumer();
            case "okhttp-sse" -> new OkHttpSseConsumer();
            case "okhttp-eventsource" -> new LaunchDarklyConsumer();
            case "webclient" -> new WebClientConsumer();
            case "floor-netty" -> new NettyFloorConsumer(NettyFloorConsumer.Pipeline.RAW, false);
            case "floor-netty-epoll" -> new NettyFloorConsumer(NettyFloorConsumer.Pipeline.RAW, true);
            case "floor-netty-codec" -> new NettyFloorConsumer(NettyFloorConsumer.Pipeline.CODEC, false);
            case "floor-jdk" -> new JdkHttpClientFloorConsumer();
            default -> throw new IllegalArgumentException("unknown consumer " + name);
        };
    }

    /**
     * The consumers the harness runs by default; {@code floor-netty-epoll} (our floor on Netty's
     * epoll transport) and {@code floor-netty-codec} (Netty's HTTP codec, which sse-client no longer
     * uses on HTTP/1.1) run when asked for.
     */
    List<String> ALL = List.of("ours", "okhttp-sse", "okhttp-eventsource", "webclient", "floor-netty", "floor-jdk");
}
