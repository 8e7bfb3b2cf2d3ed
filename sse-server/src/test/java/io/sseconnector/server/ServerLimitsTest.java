package io.sseconnector.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.core.SseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits on what one client may hold, over raw loopback sockets: a slow request head is cut, an
 * oversized one refused with 431 (414 for the request line), one connection too many gets 503. Each
 * is counted, and logged once, with the client's address.
 */
class ServerLimitsTest {
    private static final Duration HEAD_TIMEOUT = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Logger logger = Logger.getLogger("io.sseconnector.server.HttpServer");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final List<Socket> sockets = new ArrayList<>();
    private EventLog log;
    private HttpServer server;

    @BeforeEach
    void captureTheLog() {
        logger.addHandler(capture);
        log = EventLog.create("limits", 10);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
        log.close();
        logger.removeHandler(capture);
    }

    private void start(ServerConfig.Limits limits) {
        Routes routes = Routes.builder()
                .get("/health", request -> Response.json("{\"status\":\"healthy\"}"))
                .get("/events", request -> Response.sse(log, request))
                .build();
        server = HttpServer.start(ServerConfig.DEFAULTS.withName("limited").withLimits(limits), routes);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything until the server closes the connection. */
    private static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        socket.getInputStream().transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads until {@code marker} arrived, for responses on connections that stay open. */
    private static String readUntil(Socket socket, String marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

    @Test
    void aHeadThatNeverCompletesIsCutAfterTheTimeoutCountedAndLoggedWithTheClient() throws Exception {
        start(ServerConfig.Limits.DEFAULTS.withRequestHeadTimeout(HEAD_TIMEOUT));
        Socket slow = connect();
        Socket silent = connect();
        send(slow, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: "); // the head never ends
        long started = System.nanoTime();

        assertThat(readToEnd(slow)).isEmpty();
        assertThat(readToEnd(silent)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);
        assertThat(server.limitCounts().requestHeadTimeouts()).isEqualTo(2);
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("limited: closed the connection from /127.0.0.1:")
                .contains("no complete request head within 400 ms of opening (requestHeadTimeout)")
                .contains("(1 so far; for a minute further ones are counted, not logged)");
    }

    @Test
    void aPromptRequestIsAnsweredAndAnSseStreamOutlivesTheTimeout() throws Exception {
        start(ServerConfig.Limits.DEFAULTS.withRequestHeadTimeout(HEAD_TIMEOUT));
        Socket plain = connect();
        Socket stream = connect();

        send(plain, HEALTH);
        assertThat(readUntil(plain, "healthy\"}")).startsWith("HTTP/1.1 200 OK");
        send(stream, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(readUntil(stream, "\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
        Thread.sleep(HEAD_TIMEOUT.multipliedBy(3).toMillis());
        log.publish(SseEvent.of("t", "after-the-timeout"));

        assertThat(readUntil(stream, "after-the-timeout")).contains("data: after-the-timeout");
        assertThat(server.limitCounts().requestHeadTimeouts()).isZero();
        // The kept-alive plain connection went quiet: closed, as routine, neither counted nor warned.
        assertThat(readToEnd(plain)).isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void headersOverTheLimitGet431AndALongRequestLine414() throws Exception {
        start(ServerConfig.Limits.DEFAULTS.withMaxHeaderBytes(1024));
        Socket big = connect();
        Socket longLine = connect();

        // One after the other, so that the first line logged is the 431's.
        send(big, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(2048) + "\r\n\r\n");
        assertThat(readToEnd(big))
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large")
                .contains("request headers too large (at most 1024 bytes)");
        send(longLine, "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(readToEnd(longLine)).startsWith("HTTP/1.1 414 Request-URI Too Long");
        assertThat(server.limitCounts().headsTooLarge()).isEqualTo(2);
        assertThat(lines.get(0))
                .startsWith("limited: answered 431 to /127.0.0.1:")
                .contains("request headers over 1024 bytes (maxHeaderBytes)");
        Socket fine = connect();
        send(fine, HEALTH);
        assertThat(readUntil(fine, "healthy\"}")).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void oneConnectionOverTheLimitGets503AndASlotFreedIsUsableAgain() throws Exception {
        start(ServerConfig.Limits.DEFAULTS.withMaxConnections(2));
        Socket first = connect();
        connect();
        await().atMost(WAIT).until(() -> server.connections() == 2);

        Socket third = connect();
        send(third, HEALTH);
        String refused = readToEnd(third);
        Socket fourth = connect();
        String refusedAgain = readToEnd(fourth);

        assertThat(refused)
                .startsWith("HTTP/1.1 503 Service Unavailable")
                .contains("Retry-After: 5")
                .endsWith("{\"error\":\"too many connections; try again shortly\"}");
        assertThat(refusedAgain).startsWith("HTTP/1.1 503");
        assertThat(server.limitCounts().connectionsRefused()).isEqualTo(2);
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("limited: refused a connection from /127.0.0.1:")
                .contains("with 503: 2 connections open, maxConnections 2");

        first.close();
        await().atMost(WAIT).until(() -> server.connections() == 1);
        Socket again = connect();
        send(again, HEALTH);
        assertThat(readUntil(again, "healthy\"}")).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void theDefaultsAreDocumentedValues() {
        assertThat(ServerConfig.DEFAULTS.limits())
                .isEqualTo(new ServerConfig.Limits(Duration.ofSeconds(10), 8 * 1024, 10_000));
    }
}
