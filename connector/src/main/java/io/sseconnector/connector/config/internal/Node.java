package io.sseconnector.connector.config.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The YAML document as a tree that remembers where every piece was written: Jackson's tree model
 * has no locations, so {@link TreeReader} builds this one from the token stream. Each node keeps
 * the path it had in the file even when {@link AioForms} moves it, so problems point at what the
 * user wrote.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar, Node.Null {
    /** Where in the document, like {@code assets[0].events[1]}; {@code ""} for the root. */
    String path();

    /** Where in the file. */
    Mark mark();

    /** "a mapping", "a list", "a string"…: for "expected X, found Y" messages. */
    String describe();

    /** 1-based line and column. */
    record Mark(int line, int column) {
        public static final Mark START = new Mark(1, 1);
    }

    /** A mapping; keys in file order, each once (duplicates are reported while reading). */
    record MapNode(String path, Mark mark, List<Entry> entries) implements Node {
        public MapNode {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<Node> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping.
     *
     * @param key the canonical key ({@link AioForms} renames the accepted aliases)
     * @param written the key as written in the file
     */
    record Entry(String key, String written, Mark keyMark, Node value) {
        public Entry renamed(String canonical) {
            return new Entry(canonical, written, keyMark, value);
        }

        public Entry withValue(Node node) {
            return new Entry(key, written, keyMark, node);
        }
    }

    /** A sequence. */
    record ListNode(String path, Mark mark, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as the YAML parser typed it; {@code text} is as written (references unresolved).
     */
    record Scalar(String path, Mark mark, String text, Type type) implements Node {
        /** The YAML 1.2 core schema types Jackson reports. */
        public enum Type {
            STRING,
            INTEGER,
            FLOAT,
            BOOLEAN
        }

        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER -> "a number";
                case FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
            };
        }
    }

    /** An explicit {@code null}, {@code ~}, or a key with no value. */
    record Null(String path, Mark mark) implements Node {
        @Override
        public String describe() {
            return "nothing";
        }
    }

    /** The path of {@code key} under {@code parent}: {@code parent.key}, or {@code parent["odd key"]}. */
    static String child(String parent, String key) {
        if (SIMPLE_KEY.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** The path of item {@code index} of a list at {@code parent}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Keys that print bare in a path. */
    Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
}
