package io.sseconnector.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The floors' blank-line count agrees with a byte-by-byte count however the bytes are split. */
class BlankLineCounterTest {
    private static long naive(byte[] bytes, long limit) {
        long count = 0;
        for (int i = 1; i < bytes.length && count < limit; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static byte[] randomStream(Random random, int length) {
        byte[] alphabet = "\n\n\n\rab: \u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }

    @Test
    void countsLikeAByteLoopAtAnySplit() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = randomStream(random, random.nextInt(200));
            BlankLineCounter counter = new BlankLineCounter();
            int at = 0;
            while (at < bytes.length) {
                int n = 1 + random.nextInt(Math.min(40, bytes.length - at));
                counter.feed(bytes, at, n, Long.MAX_VALUE);
                at += n;
            }
            assertThat(counter.count()).as("round %d", round).isEqualTo(naive(bytes, Long.MAX_VALUE));
            assertThat(counter.bytes()).isEqualTo(bytes.length);
        }
    }

    @Test
    void stopsRightAfterTheLimitInsideAWord() {
        byte[] bytes = "a\n\nb\n\nc\n\nd\n\ne\n\n".getBytes(StandardCharsets.US_ASCII);
        for (long limit = 1; limit <= 5; limit++) {
            BlankLineCounter counter = new BlankLineCounter();
            counter.feed(bytes, 0, bytes.length, limit);
            assertThat(counter.count()).isEqualTo(limit);
            assertThat(counter.bytes()).isEqualTo(3 * limit);
        }
    }

    @Test
    void readsDirectBuffersThroughItsScratchArray() {
        byte[] bytes = randomStream(new Random(11), 200_000);
        ByteBuf direct = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        try {
            BlankLineCounter counter = new BlankLineCounter();
            counter.feed(direct, Long.MAX_VALUE);
            assertThat(counter.count()).isEqualTo(naive(bytes, Long.MAX_VALUE));
            assertThat(direct.readerIndex()).isZero();
        } finally {
            direct.release();
        }
    }
}
