package io.sseconnector.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sseconnector.connector.testing.LogCapture;
import io.sseconnector.core.SseEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spill file's FIFO: across drains (its write buffer exists only while it holds records), and
 * across restarts: closed, crashed (SIGKILL, a torn tail), damaged, with records already delivered.
 */
class SpillFileTest {
    /** The fewest bytes a record of {@link #data} takes: the crash tests' bounds count with it. */
    private static final int MIN_RECORD_BYTES = 100;

    @TempDir
    Path dir;

    static String data(long id) {
        return "{\"n\":" + id + ",\"é\":\"ü\",\"pad\":\"" + "x".repeat((int) (id % 31)) + "\"," + "\"text\":\""
                + "y".repeat(60) + "\"}";
    }

    private static SseEvent event(long id, String data) {
        String type = id % 3 == 0 ? "ALERT_DLQC" : "HEARTBEAT";
        String lastEventId = id % 7 == 0 ? "" : Long.toString(id);
        return new SseEvent(type, data, lastEventId, SseEvent.NO_RETRY);
    }

    static void append(SpillFile spill, long id, String data) {
        spill.append(event(id, data), data.getBytes(StandardCharsets.UTF_8), id * 10);
    }

    /** The event a record holds, by its data (ids are empty for every 7th). */
    private static long idOf(SpillFile.Spilled spilled) {
        String data = spilled.event().data();
        return Long.parseLong(data.substring(5, data.indexOf(',')));
    }

    private static List<Long> drain(SpillFile spill) {
        List<Long> ids = new ArrayList<>();
        for (SpillFile.Spilled next = spill.poll(); next != null; next = spill.poll()) {
            ids.add(idOf(next));
            spill.acknowledge(next.end());
        }
        return ids;
    }

    private static List<Long> range(long first, long last) {
        return Stream.iterate(first, i -> i <= last, i -> i + 1).toList();
    }

    private static void truncate(Path file, long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - bytes);
        }
    }

    private static void overwrite(Path file, long position, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }

    @Test
    void eventsComeBackInOrderBeforeAndAfterTheFileWasDrained() throws IOException {
        Path path = dir.resolve("spill/d.spill");
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(spill.bytes()).isZero();
            for (int round = 0; round < 3; round++) {
                for (long id = 1; id <= 1_000; id++) {
                    append(spill, id, data(id));
                }
                assertThat(spill.records()).isEqualTo(1_000);
                for (long id = 1; id <= 1_000; id++) {
                    SpillFile.Spilled next = spill.poll();
                    assertThat(next.event()).isEqualTo(event(id, data(id)));
                    assertThat(next.payload()).isEqualTo(data(id).getBytes(StandardCharsets.UTF_8));
                    assertThat(next.receivedNanos()).isEqualTo(id * 10);
                    spill.acknowledge(next.end());
                }
                assertThat(spill.isEmpty()).isTrue();
                assertThat(spill.bytes()).isZero();
                assertThat(spill.poll()).isNull();
                assertThat(Files.size(path)).isZero();
            }
        }
        assertThat(path).doesNotExist(); // empty: nothing to keep
    }

    @Test
    void aRecordLargerThanTheWriteBufferGoesStraightToTheFile() {
        String large = "x".repeat(200_000);
        try (SpillFile spill = SpillFile.open(dir.resolve("d.spill"), 1 << 20)) {
            spill.append(event(1, "small"), "small".getBytes(StandardCharsets.UTF_8), 1);
            spill.append(event(2, large), large.getBytes(StandardCharsets.UTF_8), 2);
            spill.append(event(3, "small again"), "small again".getBytes(StandardCharsets.UTF_8), 3);

            assertThat(spill.poll().event().data()).isEqualTo("small");
            assertThat(spill.poll().event().data()).isEqualTo(large);
            assertThat(spill.poll().event().data()).isEqualTo("small again");
            assertThat(spill.isEmpty()).isTrue();
        }
    }

    @Test
    void aClosedFileIsReopenedWithTheSameRecordsInOrder() {
        Path path = dir.resolve("d.spill");
        long before = System.nanoTime();
        List<Long> received = new ArrayList<>();
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            for (long id = 1; id <= 1_000; id++) { // ~120 KB: some written, the rest still buffered
                received.add(System.nanoTime());
                spill.append(event(id, data(id)), data(id).getBytes(StandardCharsets.UTF_8), received.getLast());
            }
        }
        assertThat(path).exists();

        try (LogCapture logs = LogCapture.open();
                SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(spill.records()).isEqualTo(1_000);
            assertThat(logs.lines())
                    .anySatisfy(line -> assertThat(line).startsWith("INFO").contains("recovered 1000 events"));
            for (long id = 1; id <= 1_000; id++) {
                SpillFile.Spilled next = spill.poll();
                assertThat(next.event()).isEqualTo(event(id, data(id)));
                // kept as wall-clock time: back on this process's nanoTime scale, to the clock's precision
                assertThat(next.receivedNanos())
                        .isCloseTo(received.get((int) id - 1), within(TimeUnit.MILLISECONDS.toNanos(50)));
                assertThat(next.receivedNanos()).isGreaterThan(before - TimeUnit.MILLISECONDS.toNanos(50));
            }
            assertThat(spill.poll()).isNull();
        }
    }

    @Test
    void recordsAcknowledgedDoNotComeBackAndRecordsOnlyReadDo() {
        Path path = dir.resolve("d.spill");
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            for (long id = 1; id <= 300; id++) {
                append(spill, id, data(id));
            }
            SpillFile.Spilled sixtieth = null;
            for (int i = 1; i <= 100; i++) {
                SpillFile.Spilled next = spill.poll();
                if (i == 60) {
                    sixtieth = next;
                }
            }
            spill.acknowledge(sixtieth.end()); // 61..100 were read, not delivered
            assertThat(spill.records()).isEqualTo(200);
        }

        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(spill.records()).isEqualTo(240);
            assertThat(drain(spill)).isEqualTo(range(61, 300));
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void aDroppedRecordCountsAsDeliveredOnceTheRecordsReadBeforeItAre() {
        Path path = dir.resolve("d.spill");
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            for (long id = 1; id <= 10; id++) {
                append(spill, id, data(id));
            }
            SpillFile.Spilled first = spill.poll();
            assertThat(spill.drop()).isTrue(); // 2 and 3 dropped while 1 waits for its acknowledgement
            assertThat(spill.drop()).isTrue();
            spill.acknowledge(first.end());
            assertThat(spill.records()).isEqualTo(7);
        }
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(drain(spill)).isEqualTo(range(4, 10));
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndTheRestKept() throws IOException {
        Path path = dir.resolve("d.spill");
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            for (long id = 1; id <= 10; id++) {
                append(spill, id, data(id));
            }
        }
        truncate(path, 7); // a crash in the middle of the last record's write

        try (LogCapture logs = LogCapture.open();
                SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(spill.records()).isEqualTo(9);
            assertThat(logs.lines().stream().filter(l -> l.startsWith("WARN")))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(path.toString())
                            .contains("left by a crash")
                            .contains("recovered 9 events"));
            append(spill, 11, data(11)); // appended where the torn record was
        }
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(drain(spill)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L);
        }
    }

    @Test
    void aLastRecordWithADamagedByteIsCutOffToo() throws IOException {
        Path path = dir.resolve("d.spill");
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            for (long id = 1; id <= 10; id++) {
                append(spill, id, data(id));
            }
        }
        overwrite(path, Files.size(path) - 3, new byte[] {'#'});

        try (LogCapture logs = LogCapture.open();
                SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("fails its checksum"));
            assertThat(drain(spill)).isEqualTo(range(1, 9));
        }
    }

    @Test
    void aFileWithADamagedHeaderIsMovedAsideWithAWarning() throws IOException {
        Path path = dir.resolve("d.spill");
        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            append(spill, 1, data(1));
        }
        overwrite(path, 4, new byte[] {0, 0, 0, 2}); // a format version this build does not read
        byte[] original = Files.readAllBytes(path);

        try (LogCapture logs = LogCapture.open();
                SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(spill.records()).isZero();
            assertThat(logs.lines().stream().filter(l -> l.startsWith("WARN")))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("format version 2; this version reads 1")
                            .contains("moved aside to d.spill.corrupt-"));
            append(spill, 2, data(2));
            assertThat(drain(spill)).containsExactly(2L);
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("d.spill.corrupt-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(original);
        }
    }

    @Test
    void aFileThatIsNotASpillFileIsMovedAsideToo() throws IOException {
        Path path = dir.resolve("d.spill");
        Files.writeString(path, "some other content, long enough for a header");

        try (LogCapture logs = LogCapture.open();
                SpillFile spill = SpillFile.open(path, 1 << 20)) {
            assertThat(spill.records()).isZero();
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("magic number"));
        }
    }

    @Test
    void afterSigkillTheWrittenRecordsNotYetAcknowledgedComeBack() throws Exception {
        Path path = dir.resolve("d.spill");
        int count = 5_000;
        int acknowledged = 2_000;
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SpillFileCrashChild.class.getName(),
                        path.toString(),
                        Integer.toString(count),
                        Integer.toString(acknowledged))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("ready"));
            assertThat(line).as("the child's output ended before it was ready").isEqualTo("ready");
            child.destroyForcibly(); // SIGKILL: nothing closed, nothing flushed
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (SpillFile spill = SpillFile.open(path, Long.MAX_VALUE)) {
            List<Long> ids = drain(spill);
            int perWrite = (int) (SpillFile.ACKNOWLEDGE_WRITE_EVERY / MIN_RECORD_BYTES) + 1;
            // in order, without gaps; from at most one acknowledgement write before the 2001st
            assertThat(ids).isEqualTo(range(ids.getFirst(), ids.getLast()));
            assertThat(ids.getFirst()).isBetween((long) acknowledged + 1 - perWrite, (long) acknowledged + 1);
            // to the last record written out: what the 64 KiB write buffer held is not in the file
            assertThat(ids.getLast()).isBetween((long) count - 64 * 1024 / MIN_RECORD_BYTES, (long) count);
        }
    }

    @Test
    void aFileAbandonedWithoutCloseHoldsWhatWasWrittenOut() {
        Path path = dir.resolve("d.spill");
        SpillFile crashed = SpillFile.open(path, 1 << 20);
        for (long id = 1; id <= 1_000; id++) {
            append(crashed, id, data(id));
        }
        // no close, no flush: the buffered tail is not in the file

        try (SpillFile spill = SpillFile.open(path, 1 << 20)) {
            List<Long> ids = drain(spill);
            assertThat(ids).isEqualTo(range(1, ids.size()));
            assertThat(ids.size()).isBetween(1_000 - 64 * 1024 / MIN_RECORD_BYTES, 1_000 - 1);
        }
    }

    @Test
    void recordSizeIsWhatAnAppendTakes() {
        try (SpillFile spill = SpillFile.open(dir.resolve("d.spill"), 1 << 20)) {
            append(spill, 1, data(1));
            long first = spill.bytes();
            append(spill, 7, data(7));
            assertThat(spill.bytes() - first)
                    .isEqualTo(SpillFile.recordSize(event(7, data(7)), data(7).getBytes(StandardCharsets.UTF_8)));
            assertThat(first).isGreaterThanOrEqualTo(MIN_RECORD_BYTES);
        }
    }
}
