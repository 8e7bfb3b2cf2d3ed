package io.sseconnector.connector.destination;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic (or channel, key) with placeholders {@code {device}}, {@code {asset}} and {@code {event}}
 * (the SSE event type), filled per event.
 *
 * <p>A filled value can never add a topic level or a wildcard: in each value {@code %}, {@code /},
 * {@code +}, {@code #} and NUL are percent-encoded ({@code %25 %2F %2B %23 %00}), so an event type
 * {@code a/b+c} fills {@code events/{event}} as {@code events/a%2Fb%2Bc}. The template's own text
 * is checked when the configuration is read.
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

    /** The template with each placeholder replaced by its value, percent-encoded as the class says. */
    public String fill(String device, String asset, String event) {
        if (isConstant()) {
            return template;
        }
        return template.replace("{device}", encode(device))
                .replace("{asset}", asset == null ? "" : encode(asset))
                .replace("{event}", encode(event));
    }

    /** Encodes the characters that would change a topic's structure; other text is kept as it is. */
    static String encode(String value) {
        int i = 0;
        while (i < value.length() && !special(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '/' -> out.append("%2F");
                case '+' -> out.append("%2B");
                case '#' -> out.append("%23");
                case '\0' -> out.append("%00");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '%' || c == '/' || c == '+' || c == '#' || c == '\0';
    }
}
