package io.sseconnector.core.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * UTF-8 as the WHATWG Encoding standard defines it. Decoding replaces each <em>maximal subpart</em>
 * of an ill-formed sequence with one U+FFFD, where the JDK decoder sometimes replaces a whole
 * sequence at once (it turns the encoded surrogate {@code ED A0 80} into one U+FFFD, the standard
 * wants three). The JDK still does the work for ASCII and for valid UTF-8, which is nearly all of
 * it; only ill-formed input takes the slow path here. Encoding writes a lone surrogate as U+FFFD,
 * as a conversion to a string of scalar values does.
 */
public final class Utf8 {
    static final char REPLACEMENT = '\uFFFD';
    private static final byte[] REPLACEMENT_BYTES = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Utf8() {}

    /**
     * Decodes {@code bytes[from, to)}.
     *
     * @param ascii the caller already knows every byte is below 0x80, so nothing is checked
     */
    public static String decode(byte[] bytes, int from, int to, boolean ascii) {
        return ascii ? new String(bytes, from, to - from, ISO_8859_1) : decode(bytes, from, to);
    }

    /** Decodes {@code bytes[from, to)}. */
    public static String decode(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, UTF_8);
        // The JDK decodes well-formed UTF-8 as the standard does (and ASCII at vector speed, into a
        // Latin-1 string), and writes U+FFFD for any ill-formed input: a string without U+FFFD is
        // therefore already right. For a Latin-1 string the check returns at once (it cannot hold
        // U+FFFD), so ASCII text pays nothing for it. A U+FFFD may also be text the input encoded:
        // only ill-formed input takes the replacing path.
        if (text.indexOf(REPLACEMENT) < 0 || isValid(bytes, from, to)) {
            return text;
        }
        return decodeReplacing(bytes, from, to);
    }

    /** Whether {@code bytes[from, to)} is well-formed UTF-8 (Unicode table 3-7). */
    static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int trailing = trailingCount(b);
            if (trailing == 0 || to - i <= trailing) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lowerBound(b) || second > upperBound(b)) {
                return false;
            }
            for (int k = 2; k <= trailing; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += trailing + 1;
        }
        return true;
    }

    /**
     * The WHATWG "UTF-8 decoder" state machine: a byte outside the range the sequence allows ends
     * the sequence with one U+FFFD and is then read again on its own.
     */
    static String decodeReplacing(byte[] bytes, int from, int to) {
        // Each byte yields at most one char, except a 4-byte sequence: two chars for four bytes.
        char[] out = new char[to - from];
        int o = 0;
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                i++;
                if (b < 0x80) {
                    out[o++] = (char) b;
                    continue;
                }
                needed = trailingCount(b);
                if (needed == 0) {
                    out[o++] = REPLACEMENT;
                } else {
                    codePoint = b & (0x7F >> (needed + 1)); // the lead byte's payload bits
                    lower = lowerBound(b);
                    upper = upperBound(b);
                }
                continue;
            }
            if (b < lower || b > upper) {
                needed = seen = codePoint = 0;
                out[o++] = REPLACEMENT;
                continue; // read b again as the start of something new
            }
            i++;
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (++seen == needed) {
                o += Character.toChars(codePoint, out, o);
                needed = seen = codePoint = 0;
            }
        }
        if (needed != 0) {
            out[o++] = REPLACEMENT;
        }
        return new String(out, 0, o);
    }

    /** How many continuation bytes follow the lead byte {@code b} (0x80..0xFF); 0 when it cannot lead. */
    private static int trailingCount(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            return 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
            return 3;
        }
        return 0;
    }

    /** The smallest second byte after lead {@code b}: higher after E0 and F0 to rule out overlongs. */
    private static int lowerBound(int b) {
        return b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    }

    /** The largest second byte after lead {@code b}: lower after ED (surrogates) and F4 (> U+10FFFF). */
    private static int upperBound(int b) {
        return b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    }

    /** The number of bytes {@link #encode} writes for {@code s[from, to)}. */
    public static int encodedLength(CharSequence s, int from, int to) {
        int length = to - from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    length += 2; // four bytes for the pair's two chars
                    i++;
                } else {
                    length += 2; // three bytes, a lone surrogate's U+FFFD included
                }
            }
        }
        return length;
    }

    /** Writes {@code s[from, to)} as UTF-8 at {@code out[pos]}; returns the position after it. */
    public static int encode(CharSequence s, int from, int to, byte[] out, int pos) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out[pos++] = (byte) (0xF0 | (cp >> 18));
                    out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    System.arraycopy(REPLACEMENT_BYTES, 0, out, pos, 3);
                    pos += 3;
                }
            } else {
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }
}
