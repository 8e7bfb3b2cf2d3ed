package io.sseconnector.connector.route;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic (or channel, key) with placeholders {@code {device}}, {@code {asset}} and {@code {event}}
 * (the SSE event type), filled per event.
 */
public record TopicTemplate(String template) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    /** The placeholders a template may use. */
    public static final Set<String> NAMES = Set.of("device", "asset", "event");

    public TopicTemplate {
        Objects.requireNonNull(template, "template");
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + template
                        + "'; use {device}, {asset} or {event}");
            }
        }
    }

    public boolean isConstant() {
        return template.indexOf('{') < 0;
    }

    public String fill(String device, String asset, String event) {
        if (isConstant()) {
            return template;
        }
        return template.replace("{device}", device)
                .replace("{asset}", asset == null ? "" : asset)
                .replace("{event}", event);
    }
}
