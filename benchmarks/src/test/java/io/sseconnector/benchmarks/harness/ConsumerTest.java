package io.sseconnector.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.benchmarks.streams.EncodedStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every consumer reads every harness stream completely and stops at N events. */
class ConsumerTest {
    static final List<String> CONSUMERS =
            Stream.concat(Consumer.ALL.stream(), Stream.of("floor-netty-codec")).toList();

    private static final Map<HarnessStream, EncodedStream> BLOCKS = new EnumMap<>(HarnessStream.class);
    private static LoopbackServer server;

    @BeforeAll
    static void startServer() throws Exception {
        for (HarnessStream s : HarnessStream.values()) {
            BLOCKS.put(s, s.block());
        }
        server = new LoopbackServer(BLOCKS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @FieldSource("CONSUMERS")
    void readsEveryStreamToTheEnd(String name) throws Exception {
        try (Consumer consumer = Consumer.create(name)) {
            for (HarnessStream stream : HarnessStream.values()) {
                EncodedStream block = BLOCKS.get(stream);
                int repeats = 1;

                Consumer.Tally tally = consumer.read(server.uri(stream, repeats), (long) block.events() * repeats);

                assertThat(tally.events()).as(stream.label()).isEqualTo((long) block.events() * repeats);
                if (tally.dataLength() >= 0) {
                    assertThat(tally.dataLength()).as(stream.label()).isEqualTo(block.dataLength() * repeats);
                }
                if (tally.bodyBytes() >= 0) {
                    assertThat(tally.bodyBytes()).as(stream.label()).isEqualTo((long) block.bytes().length * repeats);
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("CONSUMERS")
    void stopsAtTheEventLimit(String name) throws Exception {
        try (Consumer consumer = Consumer.create(name)) {
            Consumer.Tally tally = consumer.read(server.uri(HarnessStream.TINY, 3), 1000);

            assertThat(tally.events()).isEqualTo(1000);
        }
    }
}
