package io.sseconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Parses the same bytes in many chunkings and asserts they all give the same recording: as one
 * chunk, as 1-byte chunks, at random split points, and through heap and direct {@link ByteBuffer}s.
 * Each chunk is copied into an array that is overwritten right after the feed, so a parser that
 * kept a reference to a caller's array would be caught.
 */
final class Replay {
    private static final int RANDOM_SPLITS = 6;

    /** What a whole stream gave: the calls, then the last event id before and after {@code end()}. */
    record Run(List<Recorder.Call> calls, String lastEventId, String lastEventIdAfterEnd) {}

    private enum Feed {
        ARRAY,
        HEAP_BUFFER,
        DIRECT_BUFFER
    }

    private Replay() {}

    static Recording parse(byte[] stream) {
        return parse(SseLimits.DEFAULTS, "", stream);
    }

    static Recording parse(SseLimits limits, String initialLastEventId, byte[] stream) {
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("one chunk", run(limits, initialLastEventId, stream, List.of(stream.length), Feed.ARRAY));
        runs.put("1-byte chunks", run(limits, initialLastEventId, stream, ones(stream.length), Feed.ARRAY));
        Random random = new Random(Arrays.hashCode(stream));
        for (int i = 0; i < RANDOM_SPLITS; i++) {
            List<Integer> sizes = randomSizes(random, stream.length);
            Feed feed = Feed.values()[i % Feed.values().length];
            runs.put(feed + " chunks " + sizes, run(limits, initialLastEventId, stream, sizes, feed));
        }
        Run expected = runs.get("one chunk");
        runs.forEach((name, run) -> assertThat(run).as(name).isEqualTo(expected));
        return new Recording(expected);
    }

    /** Parses in exactly these chunks, and also every other way; returns what they all gave. */
    static Recording parseChunks(byte[]... chunks) {
        List<Integer> sizes = new ArrayList<>();
        int total = 0;
        for (byte[] chunk : chunks) {
            sizes.add(chunk.length);
            total += chunk.length;
        }
        byte[] stream = new byte[total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, stream, at, chunk.length);
            at += chunk.length;
        }
        Recording all = parse(stream);
        assertThat(run(SseLimits.DEFAULTS, "", stream, sizes, Feed.ARRAY))
                .as("chunks " + sizes)
                .isEqualTo(all.run());
        return all;
    }

    /** Feeds {@code stream} in chunks of the given sizes (their sum may fall short: the rest is one chunk). */
    private static Run run(SseLimits limits, String initialLastEventId, byte[] stream, List<Integer> sizes, Feed feed) {
        Recorder recorder = new Recorder();
        SseParser parser = new SseParser(recorder, limits, initialLastEventId);
        int at = 0;
        for (int i = 0; at < stream.length; i++) {
            int size = i < sizes.size() ? Math.min(sizes.get(i), stream.length - at) : stream.length - at;
            feedChunk(parser, stream, at, size, feed);
            at += size;
        }
        String lastEventId = parser.lastEventId();
        parser.end();
        return new Run(List.copyOf(recorder.calls), lastEventId, parser.lastEventId());
    }

    static Run run(SseLimits limits, byte[] stream, List<Integer> sizes) {
        return run(limits, "", stream, sizes, Feed.ARRAY);
    }

    private static void feedChunk(SseParser parser, byte[] stream, int from, int size, Feed feed) {
        // Room before and after the chunk, so offsets and array bounds are exercised too.
        byte[] array = new byte[size + 6];
        System.arraycopy(stream, from, array, 3, size);
        switch (feed) {
            case ARRAY:
                parser.feed(array, 3, size);
                break;
            case HEAP_BUFFER:
                ByteBuffer heap = ByteBuffer.wrap(array, 3, size).slice();
                parser.feed(heap);
                assertThat(heap.hasRemaining()).isFalse();
                break;
            case DIRECT_BUFFER:
                ByteBuffer direct = ByteBuffer.allocateDirect(size);
                direct.put(array, 3, size).flip();
                parser.feed(direct);
                assertThat(direct.hasRemaining()).isFalse();
                break;
        }
        Arrays.fill(array, (byte) 'X');
    }

    private static List<Integer> ones(int count) {
        Integer[] sizes = new Integer[count];
        Arrays.fill(sizes, 1);
        return Arrays.asList(sizes);
    }

    private static List<Integer> randomSizes(Random random, int total) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = total; left > 0; ) {
            int size = random.nextInt(4) == 0 ? 1 + random.nextInt(64) : 1 + random.nextInt(5);
            sizes.add(Math.min(size, left));
            left -= size;
        }
        return sizes;
    }
}
