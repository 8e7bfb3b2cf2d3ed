package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.internal.Node.Entry;
import io.sseconnector.connector.config.internal.Node.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Reads YAML text into a {@link Node} tree, one streaming pass that records the line and column of
 * every key and value. Aliases ({@code *name}) and merge keys ({@code <<: *name}) are expanded; a
 * key written twice in one mapping is an error (Jackson would keep the last one silently); a
 * syntax error is reported at the position the YAML scanner gives, without the quoted source line
 * (it could hold a secret).
 */
public final class TreeReader {
    private static final YAMLFactory FACTORY = YAMLAnchorReplayingFactory.builder()
            .enable(YAMLReadFeature.EMPTY_STRING_AS_NULL)
            .build();
    /** snakeyaml-engine's marks in its messages: " in reader, line 2, column 5:". */
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private final Problems problems;

    public TreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or empty after reporting why there is none. */
    public Optional<Node> read(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() == null) {
                problems.error("", Mark.START, "the file holds no settings (it is empty or only comments)");
                return Optional.empty();
            }
            Node root = node(parser, "");
            if (parser.nextToken() != null) {
                problems.error("", mark(parser), "only one YAML document is read; remove the '---' and what follows");
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            syntaxError(e);
            return Optional.empty();
        }
    }

    private Node node(JsonParser parser, String path) {
        Mark mark = mark(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, path, mark);
            case START_ARRAY -> sequence(parser, path, mark);
            case VALUE_STRING -> {
                String text = parser.getString();
                // Jackson types only "null" as null; YAML 1.2 also reads a plain "~" as null.
                yield text.equals("~") ? new Node.Null(path, mark) : scalar(path, mark, text, Node.Scalar.Type.STRING);
            }
            case VALUE_NUMBER_INT -> scalar(path, mark, parser.getString(), Node.Scalar.Type.INTEGER);
            case VALUE_NUMBER_FLOAT -> scalar(path, mark, parser.getString(), Node.Scalar.Type.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> scalar(path, mark, parser.getString(), Node.Scalar.Type.BOOLEAN);
            case VALUE_NULL -> new Node.Null(path, mark);
            default -> {
                problems.error(path, mark, "this kind of YAML value (" + token + ") is not supported here");
                yield new Node.Null(path, mark);
            }
        };
    }

    private static Node scalar(String path, Mark mark, String text, Node.Scalar.Type type) {
        return new Node.Scalar(path, mark, text, type);
    }

    private Node mapping(JsonParser parser, String path, Mark mark) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            Mark keyMark = mark(parser);
            parser.nextToken();
            Node value = node(parser, Node.child(path, key));
            Entry previous = entries.get(key);
            if (previous != null) {
                // A key merged in from an anchor ('<<: *x') is replayed at the anchor's position,
                // before this mapping starts; a key written here wins over it, whatever the order.
                if (isBefore(keyMark, mark)) {
                    continue;
                }
                if (!isBefore(previous.keyMark(), mark)) {
                    problems.error(
                            value.path(),
                            keyMark,
                            "key '" + key + "' is written twice in this mapping (first at line "
                                    + previous.keyMark().line() + "); remove one");
                    continue;
                }
            }
            entries.put(key, new Entry(key, key, keyMark, value));
        }
        return new Node.MapNode(path, mark, new ArrayList<>(entries.values()));
    }

    private Node sequence(JsonParser parser, String path, Mark mark) {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, Node.item(path, items.size())));
        }
        return new Node.ListNode(path, mark, items);
    }

    /** Strictly before. */
    private static boolean isBefore(Mark a, Mark b) {
        return a.line() < b.line() || (a.line() == b.line() && a.column() < b.column());
    }

    private static Mark mark(JsonParser parser) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /**
     * snakeyaml-engine's message reads "problem\n in reader, line L, column C:\n    source\n    ^":
     * keep the unindented description lines and the last mark, drop the quoted source.
     */
    private void syntaxError(JacksonException e) {
        String full = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        List<String> description = new ArrayList<>();
        Mark mark = null;
        for (String line : full.split("\n")) {
            Matcher m = MARK.matcher(line);
            if (line.startsWith(" in ") && m.find()) {
                mark = new Mark(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                description.add(line.strip());
            }
        }
        if (mark == null) {
            TokenStreamLocation location = e.getLocation();
            mark = location == null
                    ? Mark.START
                    : new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        }
        String what = description.isEmpty() ? "cannot be read" : String.join("; ", description);
        problems.error("", mark, "YAML syntax error: " + what);
    }
}
