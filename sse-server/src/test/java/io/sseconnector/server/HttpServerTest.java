package io.sseconnector.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sseconnector.core.SseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side over real loopback connections: routing, statuses, headers, limits, close. */
class HttpServerTest {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EventLog log;
    private HttpServer server;

    @BeforeEach
    void start() {
        log = EventLog.create("test", 100);
        Routes routes = Routes.builder()
                .get("/health", request -> Response.json("{\"status\":\"healthy\"}"))
                .get(
                        "/echo/{name}",
                        request -> Response.text(
                                        200,
                                        request.pathParam("name") + " " + request.queryParam("q") + " "
                                                + request.header("x-test"))
                                .withHeader("X-Echo", "yes"))
                .post("/echo/{name}", request -> Response.text(201, new String(request.body(), StandardCharsets.UTF_8)))
                .get("/fail", request -> {
                    throw new IllegalStateException("boom");
                })
                .get("/events", request -> Response.sse(log, request))
                .build();
        server = HttpServer.start(ServerConfig.DEFAULTS.withMaxRequestBodyBytes(1024), routes);
    }

    @AfterEach
    void stop() {
        server.close();
        log.close();
        client.shutdownNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path)).header("X-Test", "hdr").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ephemeralPortIsBoundAndReported() {
        assertThat(server.port()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void fullResponseCarriesStatusTypeLengthAndBody() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(20);
        assertThat(response.body()).isEqualTo("{\"status\":\"healthy\"}");
    }

    @Test
    void handlerSeesPathParamsQueryAndHeadersAndSetsHeaders() throws Exception {
        HttpResponse<String> response = get("/echo/cam%2D1?q=a%20b&q=second");

        assertThat(response.body()).isEqualTo("cam-1 a b hdr");
        assertThat(response.headers().firstValue("x-echo")).hasValue("yes");
    }

    @Test
    void handlerSeesTheRequestBody() throws Exception {
        HttpResponse<String> response = send("POST", "/echo/x", "hello body");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("hello body");
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> response = get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"no route for /nope\"}");
    }

    @Test
    void knownPathWithAnotherMethodIs405WithAllow() throws Exception {
        HttpResponse<String> response = send("DELETE", "/echo/x", "");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, POST");
        assertThat(send("POST", "/health", "").statusCode()).isEqualTo(405);
    }

    @Test
    void failingHandlerIs500AndTheServerCarriesOn() throws Exception {
        assertThat(get("/fail").statusCode()).isEqualTo(500);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = send("POST", "/echo/x", "x".repeat(2048));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void sseResponseHasEventStreamHeaders() {
        try (SseReader reader = SseReader.open(client, uri("/events"))) {
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.header("content-type")).isEqualTo("text/event-stream");
            assertThat(reader.header("cache-control")).isEqualTo("no-cache");
            assertThat(reader.header("transfer-encoding")).isEqualTo("chunked");
        }
    }

    @Test
    void keepAliveConnectionServesSeveralRequests() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String twoRequests = "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n";
            socket.getOutputStream().write(twoRequests.getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5_000);
            String answers = readUntil(socket, "no route for /nope\"}");

            assertThat(answers).startsWith("HTTP/1.1 200 OK").contains("HTTP/1.1 404 Not Found");
        }
    }

    private static String readUntil(Socket socket, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.toString().endsWith(end)) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        return text.toString();
    }

    @Test
    void closeEndsStreamsCleanlyAndStopsListening() {
        SseReader reader = SseReader.open(client, uri("/events"));
        // The response head can reach the client before the subscriber is registered: publish after.
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stats().subscribers() == 1);
        log.publish(SseEvent.of("t", "before close"));
        assertThat(reader.take(1)).extracting(SseEvent::data).containsExactly("before close");
        int port = server.port();

        server.close();

        assertThat(reader.awaitEnd(Duration.ofSeconds(5)).error()).isNull();
        assertThat(server.connections()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        server.close(); // idempotent
    }

    @Test
    void portInUseFailsWithTheAddress() {
        ServerConfig taken = ServerConfig.DEFAULTS.withPort(server.port());

        assertThatThrownBy(() -> HttpServer.start(taken, Routes.builder().build()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("127.0.0.1:" + server.port());
    }
}
