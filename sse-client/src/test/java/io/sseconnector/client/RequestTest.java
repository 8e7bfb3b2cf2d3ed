package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client sends: one rule per test. */
class RequestTest extends ClientTestSupport {

    @Test
    void sendsGetWithHostAcceptAndCacheControl() throws Exception {
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events?device=cam-01"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.requestLine()).isEqualTo("GET /events?device=cam-01 HTTP/1.1");
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.port());
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.header("Cache-Control")).isEqualTo("no-cache");
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void sendsConfiguredHeadersInOrder() throws Exception {
        server.enqueue(ScriptedResponse.sse().thenHang());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer abc");
        headers.put("X-Device", "cam-01");

        open(config("/events").withHeaders(headers));

        RecordedRequest request = server.takeRequest();
        assertThat(request.header("authorization")).isEqualTo("Bearer abc");
        assertThat(request.header("x-device")).isEqualTo("cam-01");
    }

    @Test
    void omitsLastEventIdWhenThereIsNone() throws Exception {
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        assertThat(server.takeRequest().headerNames()).noneMatch(n -> n.equalsIgnoreCase("Last-Event-ID"));
    }

    @Test
    void sendsTheInitialLastEventId() throws Exception {
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events").withLastEventId("4411"));

        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("4411");
    }

    @Test
    void sendsNonAsciiIdsAsTheirUtf8Bytes() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("id: caméra-€\ndata: x\n\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        assertThat(server.takeRequest().headerBytes("Last-Event-ID")).isNull();
        assertThat(server.takeRequest().headerBytes("Last-Event-ID"))
                .isEqualTo("caméra-€".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void resolvesEnvironmentReferencesAtConnect() throws Exception {
        server.enqueue(ScriptedResponse.sse().thenHang());
        String path = System.getenv("PATH");

        open(config("/events").withHeaders(Map.of("X-Path", "p=${env:PATH};")));

        assertThat(server.takeRequest().header("X-Path")).isEqualTo("p=" + path + ";");
    }

    @Test
    void resolvesFileReferencesAtEachConnectWithoutTheTrailingNewline(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "first\n");
        server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());
        SseClientConfig config = config("/events").withHeaders(Map.of("Authorization", "Bearer ${file:" + token + "}"));

        open(config);
        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer first");
        recorder.next(StreamSignal.Opened.class);
        Files.writeString(token, "second\n"); // rotated while the first connection runs
        recorder.nextEvent();

        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer second");
    }

    @Test
    void failsNamingAMissingEnvironmentVariable() throws Exception {
        open(config("/events").withHeaders(Map.of("Authorization", "Bearer ${env:SSE_TEST_SURELY_UNSET_VAR}")));

        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.getMessage()).contains("Authorization").contains("SSE_TEST_SURELY_UNSET_VAR");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void failsNamingAMissingFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-token");

        open(config("/events").withHeaders(Map.of("Authorization", "${file:" + missing + "}")));

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("Authorization")
                .contains(missing.toString());
    }

    @Test
    void failsOnAHeaderValueWithALineBreakWithoutQuotingIt(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "secret-one\nsecret-two\n");

        open(config("/events").withHeaders(Map.of("Authorization", "${file:" + token + "}")));

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("Authorization")
                .doesNotContain("secret");
    }
}
