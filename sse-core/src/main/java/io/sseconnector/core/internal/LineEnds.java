package io.sseconnector.core.internal;

/**
 * Finds line ends (CR or LF) in bytes, eight at a time, and notes on the way whether
 * the bytes before the line end are all ASCII, so that decoding them needs no UTF-8 check.
 * Stateless: the answer depends only on the bytes of the range.
 */
public final class LineEnds {
    /** {@link #scan}'s answer when the range holds no line end (before the ASCII bit). */
    private static final long NOT_FOUND = 0xFFFF_FFFFL;
    /** The bit of {@link #scan}'s answer that says a byte before the line end was not ASCII. */
    private static final long NON_ASCII = 1L << 32;

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = ~HIGHS;
    /** CR (0x0D) is the largest line-end byte. */
    private static final long BELOW_CR_PLUS_ONE = ONES * ('\r' + 1);

    private static final long LFS = ONES * '\n';
    private static final long CRS = ONES * '\r';

    private LineEnds() {}

    /** The index of the first CR or LF in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, int from, int to) {
        return index(scan(bytes, from, to));
    }

    /** The line end {@link #scan} found, or -1. */
    public static int index(long scan) {
        return (int) scan;
    }

    /** Whether every byte {@link #scan} passed (before the line end, or all) is ASCII. */
    public static boolean ascii(long scan) {
        return (scan & NON_ASCII) == 0;
    }

    /**
     * Scans {@code bytes[from, to)} for the first CR or LF; read the answer with {@link #index} and
     * {@link #ascii}. (Two answers in one {@code long}: no object, no state.)
     */
    public static long scan(byte[] bytes, int from, int to) {
        if (to - from < Long.BYTES) {
            return scanShort(bytes, from, to);
        }
        // Field values are often shorter than eight bytes: the first word gets the exact test,
        // here, in a method small enough for the JIT to inline into its callers; the loop for
        // longer lines is a call.
        long word = LittleEndian.getLong(bytes, from);
        long found = lineEnds(word);
        if (found != 0) {
            return answer(from, found, word);
        }
        return scanAfterFirstWord(bytes, from + Long.BYTES, to, word);
    }

    /**
     * {@link #scan} for the rest of a line that began in an earlier chunk: such a line is usually
     * long, so the first word gets no shortcut of its own, and plain ASCII is skipped a group of
     * words at a time from the start.
     */
    public static long scanContinued(byte[] bytes, int from, int to) {
        return to - from < Long.BYTES
                ? scanShort(bytes, from, to)
                : scanAfterFirstWord(bytes, skipPlainAscii(bytes, from, to), to, 0);
    }

    /** {@link #scan} from {@code i} on; {@code seen} holds the bytes before {@code i} for the ASCII note. */
    private static long scanAfterFirstWord(byte[] bytes, int i, int to, long seen) {
        // A plain loop over one word per iteration: the JIT unrolls it, which measured faster on
        // long lines than unrolling by hand (two words and one branch per iteration). Fresh lines
        // come here: skipping plain ASCII first (as for continued lines) measured ~10 % slower
        // on the tiny stream, whose values are short.
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = LittleEndian.getLong(bytes, i);
            if (maybeLineEnds(word) != 0) {
                long found = lineEnds(word);
                if (found != 0) {
                    return answer(i, found, word) | nonAscii(seen);
                }
                // TAB or another control byte: not a line end
            }
            seen |= word;
        }
        if (i < to) {
            // The last 1..7 bytes: the range's last whole word, whose bytes already checked are
            // masked off, instead of a byte loop whose varying length mispredicts its exit.
            int last = to - Long.BYTES;
            long fresh = -1L << ((i - last) << 3);
            long word = LittleEndian.getLong(bytes, last) & fresh;
            long found = lineEnds(word) & fresh;
            if (found != 0) {
                return answer(last, found, word) | nonAscii(seen);
            }
            seen |= word;
        }
        return NOT_FOUND | nonAscii(seen);
    }

    /**
     * Skips plain ASCII: words that hold neither a byte below 0x0E (CR, LF and the rare other
     * control bytes) nor a non-ASCII byte, eight, then four, then two at a time. Returns where the
     * first group that needs a closer look starts, or where fewer than two words are left; every
     * byte before it is ASCII and no line end.
     *
     * <p>Most lines are plain ASCII up to their end, and one test per group answers both questions
     * (line end? ASCII?) for it, where the word loop in {@link #scanAfterFirstWord} needs a test
     * and an OR per word: this measured 1.2-1.3x faster on 1 MiB lines. The eight-word step comes
     * first for small chunks: a 64-byte piece of a long line is one step instead of two turns of
     * the four-word loop, which made 1 MiB events fed in 64-byte chunks ~15 % faster.
     */
    private static int skipPlainAscii(byte[] bytes, int i, int to) {
        for (; i <= to - 8 * Long.BYTES; i += 8 * Long.BYTES) {
            if (((notPlain4(bytes, i) | notPlain4(bytes, i + 4 * Long.BYTES)) & HIGHS) != 0) {
                break;
            }
        }
        for (; i <= to - 4 * Long.BYTES; i += 4 * Long.BYTES) {
            if ((notPlain4(bytes, i) & HIGHS) != 0) {
                break;
            }
        }
        for (; i <= to - 2 * Long.BYTES; i += 2 * Long.BYTES) {
            long a = LittleEndian.getLong(bytes, i);
            long b = LittleEndian.getLong(bytes, i + Long.BYTES);
            if (((notPlain(a) | notPlain(b)) & HIGHS) != 0) {
                break;
            }
        }
        return i;
    }

    /** {@link #notPlain} of the four words at {@code at}, OR-ed. */
    private static long notPlain4(byte[] bytes, int at) {
        return notPlain(LittleEndian.getLong(bytes, at))
                | notPlain(LittleEndian.getLong(bytes, at + Long.BYTES))
                | notPlain(LittleEndian.getLong(bytes, at + 2 * Long.BYTES))
                | notPlain(LittleEndian.getLong(bytes, at + 3 * Long.BYTES));
    }

    /**
     * A filter, read in the high bits ({@link #HIGHS}): none is set when every byte of {@code word}
     * is in 0x0E..0x7F. A byte below 0x0E wraps around in the subtraction and sets its high bit
     * (bytes above it may then borrow, which only flags more); a non-ASCII byte has it set already.
     * The caller masks once for a whole group of words.
     */
    private static long notPlain(long word) {
        return (word - BELOW_CR_PLUS_ONE) | word;
    }

    private static long scanShort(byte[] bytes, int from, int to) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                return i | (seen < 0 ? NON_ASCII : 0);
            }
            seen |= b;
        }
        return NOT_FOUND | (seen < 0 ? NON_ASCII : 0);
    }

    /** The line end flagged lowest in {@code found}, a word read at {@code at}; ASCII of the bytes before it. */
    private static long answer(int at, long found, long word) {
        long lowest = found & -found; // the high bit of the line end's byte
        return (at + (Long.numberOfTrailingZeros(found) >>> 3)) | nonAscii(word & (lowest - 1));
    }

    /** {@link #NON_ASCII} when a byte of {@code bytes} has its high bit set; no branch. */
    private static long nonAscii(long bytes) {
        long highs = bytes & HIGHS;
        return ((highs | -highs) >>> (Long.SIZE - 1)) << 32;
    }

    /**
     * A cheap filter: flags every byte below 0x0E (CR and LF, but also TAB and the other rare
     * control bytes) and may flag bytes above a flagged one (a borrow); zero when the word holds
     * no line end. Three operations, against about ten for the exact test.
     */
    private static long maybeLineEnds(long word) {
        return (word - BELOW_CR_PLUS_ONE) & ~word & HIGHS;
    }

    /** The high bit of each byte of {@code word} that is CR or LF, exactly. */
    private static long lineEnds(long word) {
        return zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS);
    }

    /** The high bit of each zero byte, exactly (no carry crosses bytes: the sum stays below 0x100). */
    private static long zeroBytes(long word) {
        return ~(((word & LOWS) + LOWS) | word | LOWS);
    }
}
