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
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Reads YAML text into a {@link Node} tree, one streaming pass that records the line and column of
 * every key and value. Aliases ({@code *name}) and merge keys ({@code <<: *name}) are expanded; a
 * key written twice in one mapping is an error (Jackson would keep the last one silently); a
 * syntax error is reported at the position the YAML scanner gives, without the quoted source line
 * (it could hold a secret).
 *
 * <p>Hostile input fails fast with one clear error instead of exhausting memory or time: the tree
 * holds at most {@link #MAX_NODES} values once aliases are expanded (an alias repeats what its
 * anchor holds, so aliases of anchors that hold aliases multiply: the "billion laughs" file of a
 * few hundred bytes expands to a billion values) and is nested at most {@link #MAX_DEPTH} deep.
 */
public final class TreeReader {
    /** Values (scalars, mappings, lists) in the expanded document; a large real config has a few thousand. */
    public static final int MAX_NODES = 200_000;
    /** Mappings and lists nested in each other; a config needs fewer than ten. */
    public static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = YAMLAnchorReplayingFactory.builder()
            .enable(YAMLReadFeature.EMPTY_STRING_AS_NULL)
            .build();
    /** snakeyaml-engine's marks in its messages: " in reader, line 2, column 5:". */
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private final Problems problems;
    private int nodes;

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
        } catch (TooLarge e) {
            problems.error(e.path, e.mark, e.getMessage());
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            // Jackson's own caps on anchors and aliases: its message names its internals, not the fix.
            problems.error(
                    "",
                    location(e),
                    "the YAML exceeds a limit on anchors and aliases (" + firstLine(e)
                            + "); aliases nested in anchors multiply what they repeat: write the values out");
            return Optional.empty();
        } catch (JacksonException e) {
            syntaxError(e);
            return Optional.empty();
        }
    }

    private Node node(JsonParser parser, String path) {
        Mark mark = mark(parser);
        if (++nodes > MAX_NODES) {
            throw new TooLarge(
                    path,
                    mark,
                    "the document expands to more than " + MAX_NODES + " values, refused before it exhausts"
                            + " memory: an alias (*name) repeats all its anchor holds, and aliases inside anchors"
                            + " multiply (\"billion laughs\"); write the values out");
        }
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
        requireShallow(parser, path, mark);
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
        requireShallow(parser, path, mark);
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, Node.item(path, items.size())));
        }
        return new Node.ListNode(path, mark, items);
    }

    private static void requireShallow(JsonParser parser, String path, Mark mark) {
        // The context counts the mapping or list just opened: depth 1 is the root's.
        if (parser.streamReadContext().getNestingDepth() > MAX_DEPTH) {
            throw new TooLarge(path, mark, "mappings and lists are nested more than " + MAX_DEPTH + " deep here");
        }
    }

    /** A cap was hit: where, and why; unwinds the recursion to {@link #read}. */
    private static final class TooLarge extends RuntimeException {
        private final String path;
        private final Mark mark;

        TooLarge(String path, Mark mark, String message) {
            super(message, null, false, false);
            this.path = path;
            this.mark = mark;
        }
    }

    private static Mark location(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null
                ? Mark.START
                : new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
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
