package io.sseconnector.connector.offset;

import java.nio.file.Path;

/**
 * {@code offsets.json} cannot be read (not JSON, not an object of device names to ids, no
 * permission, an I/O error) and neither can its previous generation. The bridge does not start:
 * starting without the offsets would silently skip whatever the devices sent and was not delivered.
 * The way out is {@code run --reset-offsets all}, or restoring a good copy of the file.
 */
public final class OffsetsUnreadableException extends IllegalStateException {
    private final Path file;

    OffsetsUnreadableException(Path file, String reason, Path previous, String previousState) {
        super("cannot read the stored offsets " + file + ": " + reason + "; its previous generation "
                + previous.getFileName() + " " + previousState + ". Restore a good copy of the file, or start with"
                + " --reset-offsets all (every device starts without a stored offset, at the live edge of its"
                + " stream; the unreadable file is kept as " + OffsetFiles.SET_ASIDE + ")");
        this.file = file;
    }

    /** The unreadable {@code offsets.json}. */
    public Path file() {
        return file;
    }
}
