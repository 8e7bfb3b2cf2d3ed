package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Http1ResponseDecoderTest {
    private static final String SSE_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";
    private static final String EVENTS = "id: 1\ndata: a\n\nid: 2\ndata: b\n\n";

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBodyUntilCloseIsPassedOnWhateverTheSplit(boolean direct) {
        String response = SSE_HEAD + "Connection: close\r\n\r\n" + EVENTS;

        assertEverySplit(response, direct, "200", EVENTS, 0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aChunkedBodyIsPassedOnWhateverTheSplit(boolean direct) {
        String response = SSE_HEAD + "Transfer-Encoding: chunked\r\n\r\n"
                + "7;ext=1\r\nid: 1\nd\r\n"
                + "A\r\nata: a\n\nid\r\n"
                + "d\r\n: 2\ndata: b\n\n\r\n"
                + "0\r\nX-Checksum: 1\r\n\r\n";

        assertEverySplit(response, direct, "200", EVENTS, 1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aContentLengthBodyEndsAfterItsLength(boolean direct) {
        String response = SSE_HEAD + "Content-Length: " + EVENTS.length() + "\r\n\r\n" + EVENTS + "data: more\n\n";

        assertEverySplit(response, direct, "200", EVENTS, 1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void interimResponsesComeBeforeTheFinalOne(boolean direct) {
        String response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + SSE_HEAD
                + "\r\n" + EVENTS;

        // Each 1xx ends (no body) before the next head.
        assertEverySplit(response, direct, "100,103,200", EVENTS, 2);
    }

    @Test
    void responsesWithoutABodyEndRightAfterTheHead() {
        for (String head : List.of(
                "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n",
                "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n",
                SSE_HEAD + "Content-Length: 0\r\n\r\n")) {
            Recorder r = new Recorder();
            new Http1ResponseDecoder(r).decode(buf(head + "data: x\n\n", false));
            assertThat(r.ends).as(head).isEqualTo(1);
            assertThat(r.body.size()).as(head).isZero();
        }
    }

    @Test
    void transferEncodingOtherThanChunkedLastRunsUntilClose() {
        Recorder r = new Recorder();
        Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
        decoder.decode(buf(SSE_HEAD + "Transfer-Encoding: chunked, gzip\r\n\r\n5\r\nhello", false));

        assertThat(r.body()).isEqualTo("5\r\nhello");
        assertThat(decoder.unfinishedBody()).isNull();
    }

    @Test
    void transferEncodingWinsOverContentLength() {
        Recorder r = new Recorder();
        new Http1ResponseDecoder(r)
                .decode(buf(SSE_HEAD + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", false));

        assertThat(r.body()).isEqualTo("hello");
    }

    @Test
    void aMalformedChunkSizeThrowsAfterTheGoodBytes() {
        Recorder r = new Recorder();
        Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
        ByteBuf in = buf(SSE_HEAD + "Transfer-Encoding: chunked\r\n\r\n9\r\ndata: a\n\n\r\nnope\r\n", true);

        assertThatThrownBy(() -> decoder.decode(in))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("expected a hex chunk size, found 'n'");
        assertThat(r.body()).isEqualTo("data: a\n\n");
        assertThat(r.ends).isZero();
    }

    @Test
    void aMalformedHeadThrows() {
        Http1ResponseDecoder decoder = new Http1ResponseDecoder(new Recorder());

        assertThatThrownBy(() -> decoder.decode(buf("HTTP/1.1 banana\r\n\r\n", false)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("no three-digit status code");
    }

    @Test
    void invalidOrConflictingContentLengthsThrow() {
        for (String value : List.of("-1", "12a", "", "5, 6")) {
            Http1ResponseDecoder decoder = new Http1ResponseDecoder(new Recorder());
            assertThatThrownBy(() -> decoder.decode(buf(SSE_HEAD + "Content-Length: " + value + "\r\n\r\n", false)))
                    .as(value)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("Content-Length");
        }
        Recorder r = new Recorder();
        new Http1ResponseDecoder(r).decode(buf(SSE_HEAD + "Content-Length: 2, 2\r\n\r\nab", false));
        assertThat(r.body()).isEqualTo("ab");
        assertThat(r.ends).isEqualTo(1);
    }

    @Test
    void aCloseSaysWhatTheBodyMisses() {
        Http1ResponseDecoder chunked = new Http1ResponseDecoder(new Recorder());
        chunked.decode(buf(SSE_HEAD + "Transfer-Encoding: chunked\r\n\r\n5\r\nhel", false));
        assertThat(chunked.unfinishedBody()).isEqualTo("the connection closed inside a chunk (2 bytes missing)");

        Http1ResponseDecoder betweenChunks = new Http1ResponseDecoder(new Recorder());
        betweenChunks.decode(buf(SSE_HEAD + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", false));
        assertThat(betweenChunks.unfinishedBody()).isEqualTo("the connection closed before the last chunk");

        Http1ResponseDecoder fixed = new Http1ResponseDecoder(new Recorder());
        fixed.decode(buf(SSE_HEAD + "Content-Length: 10\r\n\r\nabc", false));
        assertThat(fixed.unfinishedBody()).contains("7 bytes of the body (Content-Length) missing");

        Http1ResponseDecoder untilClose = new Http1ResponseDecoder(new Recorder());
        untilClose.decode(buf(SSE_HEAD + "\r\nabc", false));
        assertThat(untilClose.unfinishedBody()).isNull();

        Http1ResponseDecoder headOnly = new Http1ResponseDecoder(new Recorder());
        headOnly.decode(buf("HTTP/1.1 200 O", false));
        assertThat(headOnly.unfinishedBody()).isNull();
    }

    @Test
    void stoppingFromTheSinkDropsTheRest() {
        Recorder r = new Recorder();
        Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
        r.onHeadAction = decoder::stop;

        decoder.decode(buf("HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 4\r\n\r\nbody", true));

        assertThat(r.statuses).containsExactly("302");
        assertThat(r.body.size()).isZero();
        assertThat(r.ends).isZero();
    }

    @Test
    void aReadLargerThanTheScratchArrayIsPassedOnInSlicesOfTheScratchSize() {
        String events = events(3 * LoopScratch.SIZE, 'x', 500);
        String chunked = chunked(events, 1000);

        for (boolean direct : new boolean[] {false, true}) {
            Recorder plain = new Recorder();
            new Http1ResponseDecoder(plain).decode(buf(SSE_HEAD + "\r\n" + events, direct));
            assertThat(plain.body()).isEqualTo(events);
            assertThat(plain.largestSlice).isEqualTo(LoopScratch.SIZE);

            Recorder fixed = new Recorder();
            new Http1ResponseDecoder(fixed)
                    .decode(buf(SSE_HEAD + "Content-Length: " + events.length() + "\r\n\r\n" + events, direct));
            assertThat(fixed.body()).isEqualTo(events);
            assertThat(fixed.ends).isEqualTo(1);
            assertThat(fixed.largestSlice).isEqualTo(LoopScratch.SIZE);

            Recorder decoded = new Recorder();
            new Http1ResponseDecoder(decoded)
                    .decode(buf(SSE_HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunked, direct));
            assertThat(decoded.body()).isEqualTo(events);
            assertThat(decoded.ends).isEqualTo(1);
        }
    }

    @Test
    void aPauseFromTheSinkLeavesTheRestOfTheReadUnreadUntilDecodeIsCalledAgain() {
        String events = events(4 * LoopScratch.SIZE, 'y', 300);
        String chunked = chunked(events, 700);
        List<String> responses = List.of(
                SSE_HEAD + "\r\n" + events,
                SSE_HEAD + "Content-Length: " + events.length() + "\r\n\r\n" + events,
                SSE_HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunked);
        for (String response : responses) {
            for (boolean direct : new boolean[] {false, true}) {
                Recorder r = new Recorder();
                r.pauseOnBody = true;
                Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
                ByteBuf in = buf(response, direct);
                try {
                    decoder.decode(in);
                    // One slice, then the decoder stops and leaves the rest in the buffer.
                    assertThat(r.slices).isEqualTo(1);
                    assertThat(r.body.size()).isLessThanOrEqualTo(LoopScratch.SIZE);
                    assertThat(in.isReadable()).isTrue();
                    int calls = 1;
                    while (in.isReadable()) {
                        r.paused = false;
                        decoder.decode(in);
                        calls++;
                    }
                    assertThat(calls).isGreaterThanOrEqualTo(4);
                    assertThat(r.body()).isEqualTo(events);
                    // The body runs until the close, or ends by its framing.
                    assertThat(r.ends).isEqualTo(response == responses.get(0) ? 0 : 1);
                } finally {
                    in.release();
                }
            }
        }
    }

    @Test
    void aPausedSinkGetsNothingNotEvenTheHead() {
        Recorder r = new Recorder();
        r.paused = true;
        Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
        ByteBuf in = buf(SSE_HEAD + "\r\n" + EVENTS, true);
        try {
            decoder.decode(in);
            assertThat(r.statuses).isEmpty();
            assertThat(in.readerIndex()).isZero();
            r.paused = false;
            decoder.decode(in);
            assertThat(r.statuses).containsExactly("200");
            assertThat(r.body()).isEqualTo(EVENTS);
        } finally {
            in.release();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Events {@code id: N / data: <filler × (N % maxData)>} until the text is at least {@code minLength} long. */
    private static String events(int minLength, char filler, int maxData) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; events.length() < minLength; i++) {
            events.append("id: ")
                    .append(i)
                    .append("\ndata: ")
                    .append(String.valueOf(filler).repeat(i % maxData))
                    .append("\n\n");
        }
        return events.toString();
    }

    /** {@code body} as a chunked body of {@code partSize}-byte chunks (ASCII: chars are bytes), then the last chunk. */
    private static String chunked(String body, int partSize) {
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < body.length(); i += partSize) {
            String part = body.substring(i, Math.min(body.length(), i + partSize));
            chunked.append(Integer.toHexString(part.length()))
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return chunked.append("0\r\n\r\n").toString();
    }

    /** Splits the response at every index, then byte by byte; each way must give the same calls. */
    private static void assertEverySplit(String response, boolean direct, String statuses, String body, int ends) {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split <= bytes.length; split++) {
            Recorder r = new Recorder();
            Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
            decode(decoder, bytes, 0, split, direct);
            decode(decoder, bytes, split, bytes.length, direct);
            assertThat(String.join(",", r.statuses)).as("split at %d", split).isEqualTo(statuses);
            assertThat(r.body()).as("split at %d", split).isEqualTo(body);
            assertThat(r.ends).as("split at %d", split).isEqualTo(ends);
        }
        Recorder r = new Recorder();
        Http1ResponseDecoder decoder = new Http1ResponseDecoder(r);
        for (int i = 0; i < bytes.length; i++) {
            decode(decoder, bytes, i, i + 1, direct);
        }
        assertThat(String.join(",", r.statuses)).isEqualTo(statuses);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.ends).isEqualTo(ends);
    }

    private static void decode(Http1ResponseDecoder decoder, byte[] bytes, int from, int to, boolean direct) {
        ByteBuf in = direct ? Unpooled.directBuffer(to - from + 1) : Unpooled.buffer(to - from + 1);
        in.writeByte('#').readerIndex(1); // a buffer whose readable bytes do not start at 0
        in.writeBytes(bytes, from, to - from);
        try {
            decoder.decode(in);
        } finally {
            in.release();
        }
    }

    private static ByteBuf buf(String text, boolean direct) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf in = direct ? Unpooled.directBuffer(bytes.length) : Unpooled.buffer(bytes.length);
        return in.writeBytes(bytes);
    }

    private static final class Recorder implements Http1ResponseDecoder.Sink {
        final List<String> statuses = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int ends;
        Runnable onHeadAction = () -> {};
        boolean paused;
        /** Pause after every body slice. */
        boolean pauseOnBody;

        int slices;
        int largestSlice;

        @Override
        public void onHead(HttpResponse head) {
            statuses.add(Integer.toString(head.status().code()));
            onHeadAction.run();
        }

        @Override
        public void onBody(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
            slices++;
            largestSlice = Math.max(largestSlice, length);
            if (pauseOnBody) {
                paused = true;
            }
        }

        @Override
        public boolean paused() {
            return paused;
        }

        @Override
        public void onBodyEnd() {
            ends++;
        }

        String body() {
            return body.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
