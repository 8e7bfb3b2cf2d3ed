package io.sseconnector.connector.offset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offsets' files in the state directory: {@code offsets.json} (current), {@code
 * offsets.prev.json} (the generation it replaced) and {@code offsets.json.corrupt} (an unreadable
 * current file, kept for inspection when it is replaced).
 *
 * <p>A write never leaves the directory without a current file: the new content goes to a temporary
 * file that is fsynced, the current file is hard-linked (or, where links are not supported, copied)
 * to the previous generation, the temporary file is renamed over the current one, and the directory
 * is fsynced where the platform allows it.
 */
final class OffsetFiles {
    static final String CURRENT = "offsets.json";
    static final String PREVIOUS = "offsets.prev.json";
    static final String SET_ASIDE = "offsets.json.corrupt";

    /** What one of the files holds. */
    sealed interface Stored {
        record Absent() implements Stored {}

        record Readable(Map<String, String> offsets) implements Stored {}

        record Unreadable(String reason) implements Stored {}
    }

    private final JsonMapper json;
    private final Path dir;

    OffsetFiles(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    Path current() {
        return dir.resolve(CURRENT);
    }

    Path previous() {
        return dir.resolve(PREVIOUS);
    }

    Path setAside() {
        return dir.resolve(SET_ASIDE);
    }

    /** Reads {@code file} without guessing: anything but a JSON object of strings is unreadable. */
    Stored read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Stored.Absent();
        } catch (AccessDeniedException e) {
            return new Stored.Unreadable("permission denied");
        } catch (IOException e) {
            return new Stored.Unreadable(Files.isDirectory(file) ? "it is a directory" : "I/O error: " + e);
        }
        if (bytes.length == 0) {
            return new Stored.Unreadable("the file is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            return new Stored.Unreadable("not valid JSON (" + oneLine(e.getOriginalMessage()) + where + ")");
        }
        if (root == null || !root.isObject()) {
            String found =
                    root == null ? "nothing" : root.getNodeType().toString().toLowerCase();
            return new Stored.Unreadable("not a JSON object of device names to ids (found " + found + ")");
        }
        Map<String, String> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getValue().isString()) {
                return new Stored.Unreadable("the offset of device '" + entry.getKey() + "' is not a string (found "
                        + entry.getValue().getNodeType().toString().toLowerCase() + ")");
            }
            offsets.put(entry.getKey(), entry.getValue().stringValue());
        }
        return new Stored.Readable(offsets);
    }

    /**
     * Makes {@code bytes} the current file. The file it replaces becomes the previous generation when
     * it was readable ({@code currentReadable}), or is kept as {@link #SET_ASIDE} when it was not; when
     * there is no current file, a leftover previous generation is stale and removed.
     */
    void replaceCurrent(byte[] bytes, boolean currentReadable) throws IOException {
        Path tmp = dir.resolve(CURRENT + ".tmp");
        writeSynced(tmp, bytes);
        Path current = current();
        if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
            move(current, setAside()); // a directory cannot be replaced by a rename, nor linked
        } else if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            keep(current, currentReadable ? previous() : setAside());
        } else {
            Files.deleteIfExists(previous());
        }
        move(tmp, current);
        syncDirectory();
    }

    /** A second name for {@code file} (a copy where hard links are not supported), atomically in place. */
    private static void keep(Path file, Path as) throws IOException {
        Path link = as.resolveSibling(as.getFileName() + ".tmp");
        Files.deleteIfExists(link);
        try {
            Files.createLink(link, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, link, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(link, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        move(link, as);
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable; platforms that cannot open a directory (Windows) skip it. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the rename itself is atomic; only its durability across a power loss is less certain
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
