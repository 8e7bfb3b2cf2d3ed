package io.sseconnector.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import io.sseconnector.benchmarks.parser.ParserBenchmark;
import io.sseconnector.benchmarks.streams.StreamKind;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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

/**
 * What sse-client's HTTP/1.1 chunked decoding costs on the camera stream framed as the client
 * harness's {@code camera-chunked} serves it (one HTTP chunk per event), one operation being the
 * whole ~4 MiB body read in 64 KiB regions (events/s = ops/s × the event count the setup prints):
 *
 * <ul>
 *   <li>{@code decode}: ours, as sse-client reads a body: each region copied into a scratch array,
 *       as a socket read is, and its framing removed in place ({@link ChunkedBodyDecoder});
 *   <li>{@code netty}: the peer, Netty's {@link HttpResponseDecoder} (what sse-client used before it
 *       decoded HTTP/1.1 itself), fed the same regions as buffers, its body parts' bytes summed;
 *   <li>{@code copy}: the copy into the scratch array alone, the floor under ours.
 * </ul>
 *
 * Lives in sse-client's package because the decoder is internal to it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ChunkedDecodeBenchmark {
    private static final byte[] HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);

    @Param({"decode", "netty", "copy"})
    public String mode;

    private byte[] framed;
    private final byte[] scratch = new byte[LoopScratch.SIZE];

    @Setup
    public void setUp() {
        var stream = StreamKind.of("camera").generateBytes(ParserBenchmark.STREAM_BYTES, ParserBenchmark.SEED);
        framed = stream.chunkedPerEvent();
        long payload = mode.equals("netty") ? netty() : run(true);
        if (payload != stream.bytes().length) {
            throw new IllegalStateException("decoded " + payload + " bytes, expected " + stream.bytes().length);
        }
        System.out.printf("%n%d events, %d framed bytes%n", stream.eventEnds().length, framed.length);
    }

    @Benchmark
    public long decode() {
        return mode.equals("netty") ? netty() : run(mode.equals("decode"));
    }

    private long netty() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(HEAD));
        long payload = drain(channel);
        for (int from = 0; from < framed.length; from += scratch.length) {
            int k = Math.min(scratch.length, framed.length - from);
            ByteBuf region = Unpooled.buffer(k);
            region.writeBytes(framed, from, k);
            channel.writeInbound(region);
            payload += drain(channel);
        }
        channel.finishAndReleaseAll();
        return payload;
    }

    private static long drain(EmbeddedChannel channel) {
        long bytes = 0;
        for (Object message; (message = channel.readInbound()) != null; ) {
            if (message instanceof HttpContent content) {
                bytes += content.content().readableBytes();
            }
            ReferenceCountUtil.release(message);
        }
        return bytes;
    }

    private long run(boolean decode) {
        ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
        long payload = 0;
        for (int from = 0; from < framed.length; from += scratch.length) {
            int k = Math.min(scratch.length, framed.length - from);
            System.arraycopy(framed, from, scratch, 0, k);
            payload += decode ? decoder.decode(scratch, 0, k) : scratch[k - 1];
        }
        return payload;
    }
}
