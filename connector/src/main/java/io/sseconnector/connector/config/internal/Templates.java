package io.sseconnector.connector.config.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Topics and keys with placeholders: {@code {device}}, {@code {asset}} and {@code {event}} (the SSE
 * type), filled per event. Only the placeholders allowed where the template is used may appear.
 */
public final class Templates {
    /** Every placeholder: for destinations and dead-letter topics. */
    public static final List<String> ALL = List.of("device", "asset", "event");
    /** For unmatched events, which have no asset. */
    public static final List<String> UNMATCHED = List.of("device", "event");

    private static final int MAX_TOPIC_BYTES = 65_535;

    private Templates() {}

    /** An MQTT topic to publish to: no wildcards, not reserved ({@code $…}), known placeholders. */
    public static Optional<String> topic(Scalars scalars, Node node, List<String> allowed) {
        Optional<String> topic = scalars.nonEmptyText(node);
        if (topic.isEmpty()) {
            return topic;
        }
        String text = topic.get();
        boolean ok = placeholders(scalars, node, text, allowed, "topic");
        if (text.indexOf('+') >= 0 || text.indexOf('#') >= 0) {
            scalars.problems().error(node, "a topic to publish to cannot hold the wildcards + or #");
            ok = false;
        }
        if (text.startsWith("$")) {
            scalars.problems().error(node, "topics starting with '$' are reserved by the broker");
            ok = false;
        }
        if (text.indexOf('\0') >= 0 || text.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            scalars.problems().error(node, "a topic is at most 65,535 bytes of UTF-8 with no NUL character");
            ok = false;
        }
        return ok ? topic : Optional.empty();
    }

    /** A key or other template: known placeholders only. */
    public static Optional<String> template(Scalars scalars, Node node, List<String> allowed, String what) {
        Optional<String> text = scalars.nonEmptyText(node);
        return text.filter(t -> placeholders(scalars, node, t, allowed, what));
    }

    /** Reports every unknown or unbalanced placeholder; true when there is none. */
    static boolean placeholders(Scalars scalars, Node node, String text, List<String> allowed, String what) {
        boolean ok = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                scalars.problems().error(node, "'}' without '{' in " + what + "; placeholders are " + list(allowed));
                return false;
            }
            if (c != '{') {
                i++;
                continue;
            }
            int end = text.indexOf('}', i + 1);
            int nextOpen = text.indexOf('{', i + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                scalars.problems().error(node, "'{' is not closed in " + what + "; placeholders are " + list(allowed));
                return false;
            }
            String name = text.substring(i + 1, end);
            if (!allowed.contains(name)) {
                String hint = Suggest.closest(name, allowed)
                        .map(s -> " (did you mean {" + s + "}?)")
                        .orElse("");
                scalars.problems()
                        .error(node, "unknown placeholder {" + name + "} in " + what + hint + "; use " + list(allowed));
                ok = false;
            }
            i = end + 1;
        }
        return ok;
    }

    private static String list(List<String> allowed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < allowed.size(); i++) {
            if (i > 0) {
                out.append(i == allowed.size() - 1 ? " or " : ", ");
            }
            out.append('{').append(allowed.get(i)).append('}');
        }
        return out.toString();
    }
}
