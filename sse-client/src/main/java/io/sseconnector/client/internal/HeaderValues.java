package io.sseconnector.client.internal;

import io.sseconnector.client.References;
import io.sseconnector.client.SseClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the {@link References} in header values at each connect, so a rotated token file is
 * picked up by the next connection. Errors name the header and the variable or path, never a value.
 */
final class HeaderValues {
    private final References.Lookup lookup;

    HeaderValues(References.Lookup lookup) {
        this.lookup = lookup;
    }

    /** Resolves against the process environment and file system. */
    static HeaderValues system() {
        return new HeaderValues(References.Lookup.system());
    }

    /** The headers in order with every reference replaced; throws {@link SseClientException}. */
    List<Map.Entry<String, String>> resolve(Map<String, String> headers) {
        List<Map.Entry<String, String>> resolved = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            resolved.add(Map.entry(header.getKey(), resolve(header.getKey(), header.getValue())));
        }
        return resolved;
    }

    /** One value; {@code name} is the header's name, for error messages. */
    String resolve(String name, String value) {
        List<String> problems = new ArrayList<>(1);
        Optional<String> resolved = References.resolve(value, lookup, problems::add);
        if (resolved.isEmpty()) {
            throw new SseClientException("header " + name + ": " + String.join("; ", problems), -1, null);
        }
        return resolved.get();
    }
}
