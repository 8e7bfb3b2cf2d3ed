package io.sseconnector.connector.offset;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which stored offsets {@code run --reset-offsets} drops before the bridge starts: {@code all}, or
 * the named devices. A reset device starts without {@code Last-Event-ID} (or with its configured
 * {@code lastEventId}), at the live edge of its stream.
 *
 * @param all every stored offset is dropped, and an unreadable {@code offsets.json} is set aside
 *     instead of being an error
 * @param devices the devices whose offset is dropped (empty when {@code all})
 */
public record OffsetReset(boolean all, Set<String> devices) {
    /** The word that resets every device, even one named {@code all}. */
    public static final String ALL = "all";

    public static final OffsetReset NONE = new OffsetReset(false, Set.of());

    public OffsetReset {
        devices = all ? Set.of() : Set.copyOf(devices);
    }

    /** From the option's values, as given (repeated, or comma-separated and already split). */
    public static OffsetReset of(Collection<String> values) {
        Set<String> devices = new TreeSet<>();
        for (String value : values) {
            String name = value.strip();
            if (name.equals(ALL)) {
                return new OffsetReset(true, Set.of());
            }
            if (!name.isEmpty()) {
                devices.add(name);
            }
        }
        return devices.isEmpty() ? NONE : new OffsetReset(false, devices);
    }

    public boolean isNone() {
        return !all && devices.isEmpty();
    }
}
