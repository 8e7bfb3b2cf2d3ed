package io.sseconnector.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test server itself, driven by a raw socket. */
class ScriptedSseServerTest {

    private static String exchange(ScriptedSseServer server, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void playsQueuedSseResponseAndRecordsTheRequest() throws Exception {
        try (ScriptedSseServer server = ScriptedSseServer.start()) {
            server.enqueue(ScriptedResponse.sse()
                    .chunk("data: a\n\n")
                    .pause(Duration.ofMillis(10))
                    .chunk("data: b\n\n"));

            String response = exchange(server, "GET /events?x=1 HTTP/1.1\r\nHost: h\r\nLast-Event-ID: é\r\n\r\n");

            assertThat(response)
                    .startsWith("HTTP/1.1 200 OK\r\n")
                    .contains("Content-Type: text/event-stream\r\n")
                    .doesNotContain("Content-Length")
                    .endsWith("\r\n\r\ndata: a\n\ndata: b\n\n");
            RecordedRequest request = server.takeRequest();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/events?x=1");
            assertThat(request.header("last-event-id")).isEqualTo("é");
            assertThat(request.headerBytes("Last-Event-ID")).containsExactly(0xC3 - 256, 0xA9 - 256);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void writesChunkedBodies() throws Exception {
        try (ScriptedSseServer server = ScriptedSseServer.start()) {
            server.enqueue(ScriptedResponse.sse().chunked().chunk("data: a\n\n"));

            String response = exchange(server, "GET / HTTP/1.1\r\n\r\n");

            assertThat(response)
                    .contains("Transfer-Encoding: chunked")
                    .endsWith("\r\n\r\n9\r\ndata: a\n\n\r\n0\r\n\r\n");
        }
    }

    @Test
    void answersStatusesWithContentLengthAndUsesTheDefaultWhenTheQueueIsEmpty() throws Exception {
        try (ScriptedSseServer server = ScriptedSseServer.start()) {
            server.enqueue(ScriptedResponse.status(503).header("Retry-After", "1"));

            assertThat(exchange(server, "GET / HTTP/1.1\r\n\r\n"))
                    .isEqualTo("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\n"
                            + "Content-Length: 0\r\n\r\n");
            assertThat(exchange(server, "GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 404 Not Found\r\n");
            server.setDefault(ScriptedResponse.status(200)
                    .header("Content-Type", "text/html")
                    .body("x"));
            assertThat(exchange(server, "GET / HTTP/1.1\r\n\r\n"))
                    .contains("Content-Length: 1\r\n")
                    .endsWith("\r\n\r\nx");
        }
    }

    @Test
    void acceptAndCloseAnswersNothing() throws Exception {
        try (ScriptedSseServer server = ScriptedSseServer.start()) {
            server.enqueue(ScriptedResponse.acceptAndClose());

            assertThat(exchange(server, "GET / HTTP/1.1\r\n\r\n")).isEmpty();
            assertThat(server.takeRequest().path()).isEqualTo("/");
        }
    }

    @Test
    void hangingResponseEndsWhenTheClientCloses() throws Exception {
        try (ScriptedSseServer server = ScriptedSseServer.start()) {
            server.enqueue(ScriptedResponse.sse().chunk(":hi\n").thenHang());
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                server.takeRequest();
                assertThat(server.openConnections()).isEqualTo(1);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.openConnections()).isZero();
        }
    }
}
