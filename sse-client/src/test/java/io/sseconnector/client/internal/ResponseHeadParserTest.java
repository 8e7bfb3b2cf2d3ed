package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseHeadParserTest {

    @Test
    void readsStatusReasonAndHeaders() {
        HttpResponse head = parseWhole("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\n"
                + "Content-Type:text/plain \r\nX-Multi: a\r\nX-Multi: b\r\n\r\n");

        assertThat(head.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(head.status().code()).isEqualTo(503);
        assertThat(head.status().reasonPhrase()).isEqualTo("Service Unavailable");
        assertThat(head.headers().get("retry-after")).isEqualTo("5");
        assertThat(head.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(head.headers().getAll("X-Multi")).containsExactly("a", "b");
    }

    @Test
    void acceptsBareLineFeedsLeadingBlankLinesHttp10AndNoReason() {
        HttpResponse head = parseWhole("\r\n\nHTTP/1.0 200\nContent-Type: text/event-stream\n\n");

        assertThat(head.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_0);
        assertThat(head.status().code()).isEqualTo(200);
        assertThat(head.headers().get("content-type")).isEqualTo("text/event-stream");
    }

    @Test
    void foldedLinesContinueTheValue() {
        HttpResponse head = parseWhole("HTTP/1.1 200 OK\r\nX-Long: one\r\n  two\r\n\tthree\r\nX-Next: n\r\n\r\n");

        assertThat(head.headers().get("X-Long")).isEqualTo("one two three");
        assertThat(head.headers().get("X-Next")).isEqualTo("n");
    }

    @Test
    void consumesTheHeadAndNotOneByteMore() {
        ResponseHeadParser parser = new ResponseHeadParser();
        ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nA: b\r\n\r\ndata: x\n\n", StandardCharsets.ISO_8859_1);

        assertThat(parser.parse(in)).isNotNull();
        assertThat(in.toString(StandardCharsets.ISO_8859_1)).isEqualTo("data: x\n\n");
    }

    @Test
    void aHeadSplitAtEveryByteIsTheSame() {
        byte[] bytes = "HTTP/1.1 301 Moved\r\nLocation: /next\r\nX: y\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split <= bytes.length; split++) {
            ResponseHeadParser parser = new ResponseHeadParser();
            HttpResponse first = parser.parse(Unpooled.wrappedBuffer(bytes, 0, split));
            HttpResponse head =
                    first != null ? first : parser.parse(Unpooled.wrappedBuffer(bytes, split, bytes.length - split));
            assertThat(head).as("split at %d", split).isNotNull();
            assertThat(head.status().code()).isEqualTo(301);
            assertThat(head.headers().get("Location")).isEqualTo("/next");
            assertThat(head.headers().get("X")).isEqualTo("y");
        }
    }

    @Test
    void malformedHeadsAreRejected() {
        assertMalformed("HTTP/1.1 banana\r\n\r\n", "no three-digit status code in \"HTTP/1.1 banana\"");
        assertMalformed("HTTP/1.1 2000 OK\r\n\r\n", "no three-digit status code");
        assertMalformed("SSH-2.0-OpenSSH\r\n\r\n", "not an HTTP/1.x status line");
        assertMalformed("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "a header line without a name and colon");
        assertMalformed("HTTP/1.1 200 OK\r\n: no name\r\n\r\n", "a header line without a name and colon");
    }

    @Test
    void overlongHeadsAreRejected() {
        assertMalformed(
                "HTTP/1.1 200 " + "x".repeat(ResponseHeadParser.MAX_STATUS_LINE), "status line longer than 4096");
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 400; i++) {
            head.append("X-Header-").append(i).append(": value\r\n");
        }
        assertMalformed(head + "\r\n", "header fields longer than 8192 bytes");
    }

    @Test
    void headerTextIsNotEchoedInErrors() {
        assertThatThrownBy(() -> parseWhole("HTTP/1.1 200 OK\r\nBearer s3cr3t\r\n\r\n"))
                .isInstanceOf(MalformedResponseException.class)
                .message()
                .doesNotContain("s3cr3t");
    }

    private static void assertMalformed(String head, String message) {
        assertThatThrownBy(() -> parseWhole(head))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining(message);
    }

    private static HttpResponse parseWhole(String head) {
        return new ResponseHeadParser().parse(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
    }
}
