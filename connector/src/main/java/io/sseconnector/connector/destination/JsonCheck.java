package io.sseconnector.connector.destination;

/**
 * Whether a payload is exactly one JSON value (RFC 8259): it decides the MQTT 5 content type. A
 * scan of the text that builds nothing and allocates nothing, since it runs for every event; values
 * nested deeper than {@value #MAX_DEPTH} count as text, as they did for the Jackson parser this
 * replaced. Stateless and thread-safe.
 */
public final class JsonCheck {
    static final int MAX_DEPTH = 500;

    private static final int FAIL = -1;

    public boolean isJson(String data) {
        int end = value(data, skipSpace(data, 0), 0);
        return end != FAIL && skipSpace(data, end) == data.length();
    }

    /** Where the value starting at {@code i} ends, or {@link #FAIL}. */
    private static int value(String s, int i, int depth) {
        if (i >= s.length()) {
            return FAIL;
        }
        return switch (s.charAt(i)) {
            case '{' -> depth < MAX_DEPTH ? object(s, i + 1, depth + 1) : FAIL;
            case '[' -> depth < MAX_DEPTH ? array(s, i + 1, depth + 1) : FAIL;
            case '"' -> string(s, i + 1);
            case 't' -> literal(s, i, "true");
            case 'f' -> literal(s, i, "false");
            case 'n' -> literal(s, i, "null");
            default -> number(s, i);
        };
    }

    private static int object(String s, int i, int depth) {
        i = skipSpace(s, i);
        if (i < s.length() && s.charAt(i) == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') {
                return FAIL;
            }
            i = skipSpace(s, string(s, i + 1));
            if (i < 0 || i >= s.length() || s.charAt(i) != ':') {
                return FAIL;
            }
            i = skipSpace(s, value(s, skipSpace(s, i + 1), depth));
            if (i < 0 || i >= s.length()) {
                return FAIL;
            }
            char c = s.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c != ',') {
                return FAIL;
            }
            i = skipSpace(s, i + 1);
        }
    }

    private static int array(String s, int i, int depth) {
        i = skipSpace(s, i);
        if (i < s.length() && s.charAt(i) == ']') {
            return i + 1;
        }
        while (true) {
            i = skipSpace(s, value(s, i, depth));
            if (i < 0 || i >= s.length()) {
                return FAIL;
            }
            char c = s.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c != ',') {
                return FAIL;
            }
            i = skipSpace(s, i + 1);
        }
    }

    /** A string whose opening quote is before {@code i}: where it ends, or {@link #FAIL}. */
    private static int string(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c < 0x20) {
                return FAIL; // control characters must be escaped
            }
            if (c == '\\') {
                if (i >= n) {
                    return FAIL;
                }
                char e = s.charAt(i++);
                if (e == 'u') {
                    if (i + 4 > n) {
                        return FAIL;
                    }
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(s.charAt(i++), 16) < 0) {
                            return FAIL;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return FAIL;
                }
            }
        }
        return FAIL;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private static int number(String s, int i) {
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            i++;
        } else {
            int start = i;
            i = digits(s, i);
            if (i == start) {
                return FAIL;
            }
        }
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = digits(s, i);
            if (i == start) {
                return FAIL;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = digits(s, i);
            if (i == start) {
                return FAIL;
            }
        }
        return i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int literal(String s, int i, String word) {
        return s.startsWith(word, i) ? i + word.length() : FAIL;
    }

    /** Past JSON's whitespace (space, tab, line feed, carriage return); {@link #FAIL} stays. */
    private static int skipSpace(String s, int i) {
        if (i < 0) {
            return FAIL;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }
}
