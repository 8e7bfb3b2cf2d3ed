package io.sseconnector.connector.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.sseconnector.connector.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** offsets.json on disk: generations, unreadable files and the resets that are the way out. */
class OffsetStoreTest {
    @TempDir
    Path dir;

    private Path current() {
        return dir.resolve("offsets.json");
    }

    private Path previous() {
        return dir.resolve("offsets.prev.json");
    }

    private Path setAside() {
        return dir.resolve("offsets.json.corrupt");
    }

    /** Two writes: {"cam-1":"7","cam-2":"3"} current, {"cam-1":"5","cam-2":"3"} previous. */
    private void twoGenerations() {
        OffsetStore store = new OffsetStore(dir);
        store.record("cam-1", "5");
        store.record("cam-2", "3");
        store.flush();
        store.record("cam-1", "7");
        store.flush();
    }

    private static List<String> warnings(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.startsWith("WARN")).toList();
    }

    @Test
    void aWriteKeepsTheFileItReplacesAsThePreviousGeneration() throws IOException {
        twoGenerations();

        assertThat(Files.readString(current())).isEqualTo("{\"cam-1\":\"7\",\"cam-2\":\"3\"}");
        assertThat(Files.readString(previous())).isEqualTo("{\"cam-1\":\"5\",\"cam-2\":\"3\"}");
        assertThat(dir.resolve("offsets.json.tmp")).doesNotExist();
        assertThat(new OffsetStore(dir).lastDelivered("cam-1")).isEqualTo("7");
    }

    @Test
    void anUnreadableFileWithAGoodPreviousGenerationResumesFromItWithOneWarning() throws IOException {
        twoGenerations();
        Files.writeString(current(), "{\"cam-1\":\"7\",\"cam-2\""); // cut short

        OffsetStore store;
        try (LogCapture logs = LogCapture.open()) {
            store = new OffsetStore(dir);
            assertThat(warnings(logs))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(current().toString())
                            .contains("not valid JSON")
                            .contains("previous generation offsets.prev.json")
                            .contains("may be delivered again")
                            .contains("offsets.json.corrupt"));
        }

        assertThat(store.lastDelivered("cam-1")).isEqualTo("5");
        assertThat(store.lastDelivered("cam-2")).isEqualTo("3");
        // restored at once: the next start reads offsets.json without a warning; the bad bytes are kept
        assertThat(Files.readString(current())).isEqualTo("{\"cam-1\":\"5\",\"cam-2\":\"3\"}");
        assertThat(Files.readString(previous())).isEqualTo("{\"cam-1\":\"5\",\"cam-2\":\"3\"}");
        assertThat(Files.readString(setAside())).isEqualTo("{\"cam-1\":\"7\",\"cam-2\"");
        try (LogCapture logs = LogCapture.open()) {
            assertThat(new OffsetStore(dir).lastDelivered("cam-1")).isEqualTo("5");
            assertThat(warnings(logs)).isEmpty();
        }
    }

    @Test
    void whenBothGenerationsAreUnreadableOpeningFailsNamingTheFileAndTheWayOut() throws IOException {
        twoGenerations();
        Files.writeString(current(), "not json");
        Files.writeString(previous(), "[\"a list\"]");

        assertThatThrownBy(() -> new OffsetStore(dir))
                .isInstanceOf(OffsetsUnreadableException.class)
                .hasMessageStartingWith("cannot read the stored offsets " + current() + ": not valid JSON")
                .hasMessageContaining("its previous generation offsets.prev.json cannot be read either (not a JSON"
                        + " object of device names to ids (found array))")
                .hasMessageContaining("--reset-offsets all")
                .satisfies(
                        e -> assertThat(((OffsetsUnreadableException) e).file()).isEqualTo(current()));
        // nothing was replaced
        assertThat(Files.readString(current())).isEqualTo("not json");
        assertThat(setAside()).doesNotExist();
    }

    @Test
    void anUnreadableFileWithoutAPreviousGenerationIsAnError() throws IOException {
        Files.writeString(current(), "{\"cam-1\": 17}");

        assertThatThrownBy(() -> new OffsetStore(dir))
                .isInstanceOf(OffsetsUnreadableException.class)
                .hasMessageContaining("the offset of device 'cam-1' is not a string (found number)")
                .hasMessageContaining("offsets.prev.json does not exist");
    }

    @Test
    void anEmptyFileIsUnreadableNotAnEmptyStore() throws IOException {
        Files.writeString(current(), "");

        assertThatThrownBy(() -> new OffsetStore(dir))
                .isInstanceOf(OffsetsUnreadableException.class)
                .hasMessageContaining(": the file is empty;");
    }

    @Test
    void anIoErrorIsUnreadableAndResetAllMovesTheObstacleAside() throws IOException {
        Files.createDirectories(current().resolve("inside")); // reading a directory is an I/O error

        assertThatThrownBy(() -> new OffsetStore(dir))
                .isInstanceOf(OffsetsUnreadableException.class)
                .hasMessageContaining(current() + ": it is a directory;");

        OffsetStore store = new OffsetStore(dir, OffsetReset.of(List.of("all")));
        store.record("cam-1", "1");
        store.flush();

        assertThat(Files.readString(current())).isEqualTo("{\"cam-1\":\"1\"}");
        assertThat(setAside().resolve("inside")).isDirectory();
    }

    @Test
    void aFileWithoutReadPermissionIsUnreadable() throws IOException {
        // root reads a file whatever its mode, so the test proves nothing there; the directory test
        // above covers the same I/O error path for every user.
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root: mode 000 does not stop reads");
        twoGenerations();
        Files.setPosixFilePermissions(current(), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(previous(), PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> new OffsetStore(dir))
                .isInstanceOf(OffsetsUnreadableException.class)
                .hasMessageContaining(current() + ": permission denied;")
                .hasMessageContaining("cannot be read either (permission denied)");
    }

    @Test
    void resetAllStartsWithoutOffsetsAndKeepsTheUnreadableFile() throws IOException {
        twoGenerations();
        Files.writeString(current(), "garbage");
        Files.writeString(previous(), "garbage too");

        OffsetStore store = new OffsetStore(dir, OffsetReset.of(List.of("all")));

        assertThat(store.lastDelivered("cam-1")).isNull();
        assertThat(Files.readString(current())).isEqualTo("{}");
        assertThat(Files.readString(setAside())).isEqualTo("garbage");
        assertThat(new OffsetStore(dir).lastDelivered("cam-2")).isNull(); // the next start needs no option
    }

    @Test
    void resettingOneDeviceDropsOnlyItsOffsetAndIsWrittenAtOnce() throws IOException {
        twoGenerations();

        OffsetStore store = new OffsetStore(dir, OffsetReset.of(List.of("cam-1")));

        assertThat(store.lastDelivered("cam-1")).isNull();
        assertThat(store.lastDelivered("cam-2")).isEqualTo("3");
        assertThat(Files.readString(current())).isEqualTo("{\"cam-2\":\"3\"}");
        assertThat(Files.readString(previous())).isEqualTo("{\"cam-1\":\"7\",\"cam-2\":\"3\"}");
    }

    @Test
    void resettingOneDeviceDoesNotGetPastUnreadableFiles() throws IOException {
        Files.writeString(current(), "garbage");

        assertThatThrownBy(() -> new OffsetStore(dir, OffsetReset.of(List.of("cam-1"))))
                .isInstanceOf(OffsetsUnreadableException.class)
                .hasMessageContaining("--reset-offsets all");
        assertThat(Files.readString(current())).isEqualTo("garbage");
    }

    @Test
    void aRemovedCurrentFileStartsAfreshAndItsStalePreviousGenerationGoes() throws IOException {
        twoGenerations();
        Files.delete(current());

        OffsetStore store = new OffsetStore(dir);
        assertThat(store.lastDelivered("cam-1")).isNull();
        store.record("cam-3", "1");
        store.flush();

        assertThat(Files.readString(current())).isEqualTo("{\"cam-3\":\"1\"}");
        assertThat(previous()).doesNotExist();
    }

    @Test
    void theOptionsValuesAreReadAsAnOperatorWritesThem() {
        assertThat(OffsetReset.of(List.of())).isEqualTo(OffsetReset.NONE);
        assertThat(OffsetReset.of(List.of("cam-1", " cam-2 ", "")).devices())
                .containsExactlyInAnyOrder("cam-1", "cam-2");
        assertThat(OffsetReset.of(List.of("cam-1", "all"))).isEqualTo(new OffsetReset(true, java.util.Set.of()));
    }
}
