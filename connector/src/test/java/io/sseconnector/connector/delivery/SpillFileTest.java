package io.sseconnector.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spill file's FIFO, across drains (its write buffer exists only while it holds records). */
class SpillFileTest {
    @TempDir
    Path dir;

    private static SseEvent event(long id, String data) {
        return new SseEvent("ALERT", data, Long.toString(id), SseEvent.NO_RETRY);
    }

    private static void append(SpillFile spill, long id, String data) {
        spill.append(event(id, data), data.getBytes(StandardCharsets.UTF_8), id * 10);
    }

    @Test
    void eventsComeBackInOrderBeforeAndAfterTheFileWasDrained() {
        try (SpillFile spill = new SpillFile(dir.resolve("spill/d.spill"), 1 << 20)) {
            assertThat(spill.bytes()).isZero();
            for (int round = 0; round < 3; round++) {
                for (long id = 1; id <= 1_000; id++) {
                    append(spill, id, "{\"n\":" + id + ",\"é\":\"ü\"}");
                }
                assertThat(spill.records()).isEqualTo(1_000);
                for (long id = 1; id <= 1_000; id++) {
                    SpillFile.Spilled next = spill.poll();
                    assertThat(next.event().lastEventId()).isEqualTo(Long.toString(id));
                    assertThat(next.event().data()).isEqualTo("{\"n\":" + id + ",\"é\":\"ü\"}");
                    assertThat(next.receivedNanos()).isEqualTo(id * 10);
                }
                assertThat(spill.isEmpty()).isTrue();
                assertThat(spill.bytes()).isZero();
                assertThat(spill.poll()).isNull();
            }
        }
    }

    @Test
    void aRecordLargerThanTheWriteBufferGoesStraightToTheFile() {
        String large = "x".repeat(200_000);
        try (SpillFile spill = new SpillFile(dir.resolve("d.spill"), 1 << 20)) {
            append(spill, 1, "small");
            append(spill, 2, large);
            append(spill, 3, "small again");

            assertThat(spill.poll().event().data()).isEqualTo("small");
            assertThat(spill.poll().event().data()).isEqualTo(large);
            assertThat(spill.poll().event().data()).isEqualTo("small again");
            assertThat(spill.isEmpty()).isTrue();
        }
    }
}
