package io.sseconnector.connector.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last delivered SSE id per device, persisted to {@code offsets.json} in the state directory so
 * that a restarted bridge resumes with {@code Last-Event-ID}, even after {@code kill -9}. Writes
 * happen only in {@link #flush()}, which the caller schedules at a bounded frequency; each is atomic
 * and keeps the file it replaces as {@code offsets.prev.json} (see {@link OffsetFiles}).
 *
 * <p>State that cannot be read is never silently replaced. When {@code offsets.json} is unreadable
 * the store falls back to the previous generation with one WARN (events delivered after that
 * generation was written may be delivered again), restores {@code offsets.json} from it and keeps
 * the unreadable file as {@code offsets.json.corrupt}. When both are unreadable, opening the store
 * throws {@link OffsetsUnreadableException}, unless {@link OffsetReset#all()} was asked for.
 */
public final class OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetStore.class);

    private final JsonMapper json = JsonMapper.builder().build();
    private final OffsetFiles files;
    private final Map<String, String> offsets = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile boolean dirty;
    /** Whether the current file on disk was read (or written) by us: it may become the previous generation. */
    private boolean currentReadable = true;

    /** Opens (or creates) the store in {@code stateDir} and loads what it holds. */
    public OffsetStore(Path stateDir) {
        this(stateDir, OffsetReset.NONE);
    }

    /**
     * Opens the store and drops the offsets {@code reset} names; a reset that changed something is
     * written at once, so the next start needs no option.
     *
     * @throws OffsetsUnreadableException when neither {@code offsets.json} nor its previous generation
     *     can be read (and {@code reset} is not {@code all})
     */
    public OffsetStore(Path stateDir, OffsetReset reset) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + stateDir + ": " + e.getMessage(), e);
        }
        this.files = new OffsetFiles(stateDir, json);
        boolean changed = load(reset);
        changed |= apply(reset);
        if (changed) {
            dirty = true;
            flush();
        }
    }

    /** Loads the current file, or the previous generation when it cannot be read; true when the file must be rewritten. */
    private boolean load(OffsetReset reset) {
        Path current = files.current();
        switch (files.read(current)) {
            case OffsetFiles.Stored.Readable readable -> {
                offsets.putAll(readable.offsets());
                LOG.info(
                        "offsets: resuming {} device(s) from {}",
                        readable.offsets().size(),
                        current);
                return false;
            }
            case OffsetFiles.Stored.Absent absent -> {
                // A first start, or the operator removed it: every device starts without an offset.
                if (Files.exists(files.previous())) {
                    LOG.info(
                            "offsets: no {}; every device starts without a stored offset (the older {} is removed"
                                    + " at the first write)",
                            current,
                            OffsetFiles.PREVIOUS);
                }
                return false;
            }
            case OffsetFiles.Stored.Unreadable unreadable -> {
                currentReadable = false;
                if (reset.all()) {
                    LOG.warn(
                            "offsets: {} cannot be read ({}); --reset-offsets all: every device starts without a"
                                    + " stored offset, and the file is kept as {}",
                            current,
                            unreadable.reason(),
                            OffsetFiles.SET_ASIDE);
                    return true;
                }
                return fallBack(current, unreadable.reason());
            }
        }
    }

    private boolean fallBack(Path current, String reason) {
        Path previous = files.previous();
        switch (files.read(previous)) {
            case OffsetFiles.Stored.Readable readable -> {
                offsets.putAll(readable.offsets());
                LOG.warn(
                        "offsets: {} cannot be read ({}); resuming {} device(s) from the previous generation {}:"
                                + " events delivered after it was written may be delivered again; the unreadable"
                                + " file is kept as {}",
                        current,
                        reason,
                        readable.offsets().size(),
                        previous.getFileName(),
                        OffsetFiles.SET_ASIDE);
                return true;
            }
            case OffsetFiles.Stored.Absent absent ->
                throw new OffsetsUnreadableException(current, reason, previous, "does not exist");
            case OffsetFiles.Stored.Unreadable unreadable ->
                throw new OffsetsUnreadableException(
                        current, reason, previous, "cannot be read either (" + unreadable.reason() + ")");
        }
    }

    private boolean apply(OffsetReset reset) {
        if (reset.all()) {
            if (!offsets.isEmpty()) {
                LOG.info(
                        "offsets: --reset-offsets all: dropped the stored offsets of {} device(s) {}; they start"
                                + " without one",
                        offsets.size(),
                        new TreeMap<>(offsets).keySet());
                offsets.clear();
                return true;
            }
            return false;
        }
        boolean changed = false;
        for (String device : reset.devices()) {
            String dropped = offsets.remove(device);
            if (dropped != null) {
                LOG.info(
                        "offsets: device {}: --reset-offsets dropped the stored offset '{}'; it starts without one",
                        device,
                        dropped);
                changed = true;
            } else {
                LOG.info("offsets: device {}: --reset-offsets: no offset was stored, nothing to drop", device);
            }
        }
        return changed;
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
            try {
                files.replaceCurrent(bytes, currentReadable);
                currentReadable = true;
            } catch (IOException e) {
                dirty = true;
                LOG.error("offsets: cannot write {} ({}); will retry at the next flush", files.current(), e.toString());
            }
        }
    }

    /** {@code offsets.json}. */
    public Path file() {
        return files.current();
    }
}
