package io.sseconnector.connector.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last delivered SSE id per device, persisted to {@code offsets.json} in the state directory so
 * that a restarted bridge resumes with {@code Last-Event-ID}, even after {@code kill -9}. Writes are
 * atomic (a temporary file, fsync, rename) and happen only in {@link #flush()}, which the caller
 * schedules at a bounded frequency.
 */
public final class OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetStore.class);
    private static final String FILE = "offsets.json";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path file;
    private final Map<String, String> offsets = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile boolean dirty;

    /** Opens (or creates) the store in {@code stateDir} and loads what it holds. */
    public OffsetStore(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + stateDir + ": " + e.getMessage(), e);
        }
        this.file = stateDir.resolve(FILE);
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Map<String, String> stored = json.readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
            offsets.putAll(stored);
            LOG.info("offsets: resuming {} device(s) from {}", stored.size(), file);
        } catch (JacksonException e) {
            // A torn file cannot happen (atomic rename); a hand-edited one can. Start over, loudly.
            LOG.error(
                    "offsets: {} is not valid JSON ({}); starting without stored offsets",
                    file,
                    e.getOriginalMessage());
        }
    }

    /** The last delivered id of {@code device}, or {@code null} when none was stored. */
    public String lastDelivered(String device) {
        return offsets.get(device);
    }

    /** Notes a delivered id; written by the next {@link #flush()}. */
    public void record(String device, String id) {
        if (!id.equals(offsets.put(device, id))) {
            dirty = true;
        }
    }

    /** Writes the offsets if they changed since the last write. */
    public void flush() {
        if (!dirty) {
            return;
        }
        synchronized (writeLock) {
            dirty = false;
            byte[] bytes = json.writeValueAsBytes(new TreeMap<>(offsets));
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                dirty = true;
                LOG.error("offsets: cannot write {} ({}); will retry at the next flush", file, e.toString());
            }
        }
    }

    public Path file() {
        return file;
    }
}
