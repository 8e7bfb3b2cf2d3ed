package io.sseconnector.benchmarks.parser;

import com.launchdarkly.eventsource.LaunchDarklyParser;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamEvent;
import io.sseconnector.benchmarks.streams.EncodedStream;
import io.sseconnector.benchmarks.streams.StreamKind;
import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseHandler;
import io.sseconnector.core.SseLimits;
import io.sseconnector.core.SseParser;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.sse.internal.ServerSentEventReader;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parser throughput: one operation parses a whole pre-encoded stream of ~{@link #STREAM_BYTES},
 * fed in chunks of {@code chunk} bytes, and returns the sum of the data lengths (every consumer
 * materialises the type and the data of each event as a String). {@link io.sseconnector.benchmarks.ParserReport} turns
 * ops/s into events/s and MB/s and {@code gc.alloc.rate.norm} into bytes per event.
 *
 * <p>Peers: okhttp-sse's {@code ServerSentEventReader} over an okio buffer filled from a source
 * that returns one chunk per read; LaunchDarkly's {@code EventParser} over an {@code InputStream}
 * that returns one chunk per read (its own read buffer, the size EventSource uses).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParserBenchmark {
    /** Bytes per stream: 4 MiB (about 12.5k camera events, 78k tiny events, four 1 MiB events). */
    public static final int STREAM_BYTES = 4 * 1024 * 1024;

    public static final long SEED = 42;

    /** The stream (named so that JMH, which nests parameters by name, varies it inside chunk). */
    @Param({"camera", "tiny", "1mib"})
    public String input;

    @Param({"8192", "64"})
    public int chunk;

    /**
     * The parser under test. A parameter rather than one method each, so that JMH runs the three
     * side by side for each input and chunk size (the last name varies fastest) instead of minutes
     * apart: on a shared machine the load changes in between.
     */
    @Param({"ours", "okhttpSse", "launchDarkly"})
    public String parser;

    private EncodedStream encoded;

    @Setup
    public void setUp() throws IOException {
        encoded = StreamKind.of(input).generateBytes(STREAM_BYTES, SEED);
        // The parser under test must see every event: check once before measuring.
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        long dataLength = parse(bh);
        if (dataLength != encoded.dataLength()) {
            throw new IllegalStateException(parser + " read " + dataLength + " chars of data, expected "
                    + encoded.dataLength() + " (" + input + ", chunk " + chunk + ")");
        }
    }

    @Benchmark
    public long parse(Blackhole bh) throws IOException {
        return switch (parser) {
            case "ours" -> ours(bh);
            case "okhttpSse" -> okhttpSse(bh);
            case "launchDarkly" -> launchDarkly(bh);
            default -> throw new IllegalStateException("unknown parser " + parser);
        };
    }

    long ours(Blackhole bh) {
        DataSum sum = new DataSum(bh);
        SseParser p = new SseParser(sum, SseLimits.DEFAULTS, "");
        byte[] bytes = encoded.bytes();
        for (int off = 0; off < bytes.length; off += chunk) {
            p.feed(bytes, off, Math.min(chunk, bytes.length - off));
        }
        p.end();
        return sum.total();
    }

    long okhttpSse(Blackhole bh) throws IOException {
        DataSum sum = new DataSum(bh);
        ServerSentEventReader reader =
                new ServerSentEventReader(Okio.buffer(new ChunkedSource(encoded.bytes(), chunk)), sum);
        while (reader.processNextEvent()) {
            // events go to sum
        }
        return sum.total();
    }

    long launchDarkly(Blackhole bh) {
        LaunchDarklyParser p = new LaunchDarklyParser(new ChunkedInputStream(encoded.bytes(), chunk));
        long total = 0;
        for (StreamEvent e; (e = p.next()) != null; ) {
            if (e instanceof MessageEvent m) {
                String data = m.getData();
                bh.consume(m.getEventName());
                bh.consume(data);
                total += data.length();
            }
        }
        return total;
    }

    /**
     * Sums the data lengths; hands each event's type and data Strings to the blackhole so neither
     * can be optimised away.
     */
    static final class DataSum implements SseHandler, ServerSentEventReader.Callback {
        private final Blackhole bh;
        private long data;

        DataSum(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void onEvent(SseEvent event) {
            String d = event.data();
            bh.consume(event.type());
            bh.consume(d);
            data += d.length();
        }

        @Override
        public void onEvent(String id, String type, String data) {
            bh.consume(type);
            bh.consume(data);
            this.data += data.length();
        }

        @Override
        public void onRetryChange(long timeMs) {}

        long total() {
            return data;
        }
    }
}
