package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 body framing as the client reads it off the socket: chunked, Content-Length, interim heads. */
class Http1FramingTest extends ClientTestSupport {
    private static final String CHUNKED_HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Test
    void chunkExtensionsAndTrailersAreReadPast() throws Exception {
        server.enqueue(ScriptedResponse.raw(CHUNKED_HEAD
                + "9;name=value\r\ndata: a\n\n\r\n"
                + "9 ; x=\"y\"\r\ndata: b\n\n\r\n"
                + "0\r\nX-Trailer: done\r\n\r\n"));

        open(config("/events").withReconnect(false));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.nextEvent().data()).isEqualTo("b");
        assertThat(recorder.next(StreamSignal.Closed.class).reason()).contains("ended the stream");
    }

    @Test
    void aMalformedChunkSizeEndsTheStreamAndIsRetried() throws Exception {
        server.enqueue(ScriptedResponse.raw(CHUNKED_HEAD + "9\r\ndata: a\n\n\r\nxyz\r\ndata: lost\n\n\r\n")
                .thenHang());
        server.enqueue(ScriptedResponse.sse().chunk("data: again\n\n").thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
        assertThat(retrying.reason())
                .isEqualTo("broken response body: chunked body: expected a hex chunk size, found 'x'");
        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("again");
    }

    @Test
    void aMalformedChunkSizeWithoutReconnectFails() throws Exception {
        server.enqueue(ScriptedResponse.raw(CHUNKED_HEAD + "-1\r\n").thenHang());

        open(config("/events").withReconnect(false));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("broken response body: chunked body: expected a hex chunk size, found '-'");
    }

    @Test
    void aChunkedBodyCutShortIsRetried() throws Exception {
        server.enqueue(ScriptedResponse.raw(CHUNKED_HEAD + "9\r\ndata: a\n\n\r\n20\r\ndata: "));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.next(StreamSignal.Retrying.class).reason())
                .isEqualTo("broken response body: the connection closed inside a chunk (26 bytes missing)");
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void aContentLengthBodyEndsTheStreamAfterItsLength() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .header("Content-Length", "18")
                .chunk("data: a\n\ndata: b\n\n")
                .chunk("data: beyond\n\n")
                .thenHang());

        open(config("/events").withReconnect(false));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.nextEvent().data()).isEqualTo("b");
        assertThat(recorder.next(StreamSignal.Closed.class).reason()).contains("ended the stream");
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        server.enqueue(ScriptedResponse.raw("HTTP/1.1 100 Continue\r\n\r\n"
                        + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: a\n\n")
                .thenHang());

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Opened.class).status()).isEqualTo(200);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
    }

    @Test
    void aResponseArrivingByteByByteIsRead() throws Exception {
        byte[] bytes = (CHUNKED_HEAD + "f;x=1\r\nid: 7\ndata: a\n\n\r\n9\r\ndata: b\n\n\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ScriptedResponse response = ScriptedResponse.raw(new byte[] {bytes[0]});
        for (int i = 1; i < bytes.length; i++) {
            response = response.chunk(new byte[] {bytes[i]}); // each byte flushed on its own
        }
        server.enqueue(response);

        SseStream stream = open(config("/events").withReconnect(false));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().lastEventId()).isEqualTo("7");
        assertThat(recorder.nextEvent().data()).isEqualTo("b");
        assertThat(recorder.next(StreamSignal.Closed.class).reason()).contains("ended the stream");
        assertThat(stream.stats().bytes()).isEqualTo(24);
    }
}
