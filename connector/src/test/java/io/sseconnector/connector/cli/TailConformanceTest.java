package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sse-connector tail} against a loopback server: each WHATWG parsing rule (the stream sent
 * whole and one byte per write) and each connection rule, asserted on the exact jsonl output, the
 * exit code and the requests the server saw.
 */
class TailConformanceTest {
    private ScriptedSseServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedSseServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** How the server writes a scripted body: all at once, or one byte per flushed write. */
    enum Chunking {
        WHOLE,
        BYTE_BY_BYTE
    }

    private static ScriptedResponse sse(Chunking chunking, byte[] body) {
        ScriptedResponse response = ScriptedResponse.sse();
        if (chunking == Chunking.WHOLE) {
            return response.chunk(body);
        }
        for (byte b : body) {
            response = response.chunk(new byte[] {b});
        }
        return response;
    }

    private static byte[] lines(String... lines) {
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Tail once, no reconnect: the stream's events as jsonl lines. */
    private TailRunner.Result tailOnce(Chunking chunking, byte[] body, String... extra) {
        server.enqueue(sse(chunking, body));
        List<String> args = new ArrayList<>(List.of("--format", "jsonl", "--no-reconnect"));
        args.addAll(List.of(extra));
        args.add(server.url("/events").toString());
        return TailRunner.run(args.toArray(String[]::new));
    }

    private static String json(String event, String data, String id) {
        return "{\"event\":\"" + event + "\",\"data\":\"" + data + "\",\"id\":\"" + id + "\"}";
    }

    @Nested
    class ParsingRules {
        @ParameterizedTest
        @EnumSource(Chunking.class)
        void eventTypeDataAndId(Chunking chunking) {
            var result = tailOnce(chunking, lines("event: ALERT\n", "id: 1001\n", "data: {\"a\":1}\n", "\n"));
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("ALERT", "{\\\"a\\\":1}", "1001"));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void typeDefaultsToMessageAndIsResetAfterEachEvent(Chunking chunking) {
            var result = tailOnce(chunking, lines("event: a\n", "data: 1\n", "\n", "data: 2\n", "\n"));
            assertThat(result.lines()).containsExactly(json("a", "1", ""), json("message", "2", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void dataLinesJoinWithLineFeed(Chunking chunking) {
            var result = tailOnce(chunking, lines("data: one\n", "data:\n", "data: three\n", "\n"));
            assertThat(result.lines()).containsExactly(json("message", "one\\n\\nthree", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void emptyDataFieldStillDispatchesAnEmptyEvent(Chunking chunking) {
            var result = tailOnce(chunking, lines("data\n", "\n", "data:\n", "\n"));
            assertThat(result.lines()).containsExactly(json("message", "", ""), json("message", "", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void onlyOneSpaceAfterTheColonIsRemoved(Chunking chunking) {
            var result = tailOnce(chunking, lines("data:no-space\n", "\n", "data:  two-spaces\n", "\n"));
            assertThat(result.lines())
                    .containsExactly(json("message", "no-space", ""), json("message", " two-spaces", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void crLfCrAndLfAllEndLines(Chunking chunking) {
            var result = tailOnce(chunking, lines("data: a\r\n", "data: b\r", "data: c\n", "\r\n", "data: d\r", "\r"));
            assertThat(result.lines()).containsExactly(json("message", "a\\nb\\nc", ""), json("message", "d", ""));
        }

        @Test
        void crAndLfInSeparateWritesAreOneLineEnd() {
            server.enqueue(ScriptedResponse.sse()
                    .chunk("data: a\r")
                    .pause(Duration.ofMillis(30))
                    .chunk("\ndata: b\r")
                    .pause(Duration.ofMillis(30))
                    .chunk("\n\r")
                    .pause(Duration.ofMillis(30))
                    .chunk("\n"));
            var result = TailRunner.run(
                    "--format", "jsonl", "--no-reconnect", server.url("/").toString());
            assertThat(result.lines()).containsExactly(json("message", "a\\nb", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void oneByteOrderMarkAtTheStartIsStripped(Chunking chunking) {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = concat(bom, lines("data: x\n", "\n"), bom, lines("data: y\n", "\n"));
            var result = tailOnce(chunking, body);
            // The second BOM starts a line: its field name is "\uFEFFdata", an unknown field.
            assertThat(result.lines()).containsExactly(json("message", "x", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void commentsAreNotEvents(Chunking chunking) {
            var result = tailOnce(chunking, lines(": heartbeat\n", ":\n", "data: x\n", ": inside\n", "\n"));
            assertThat(result.lines()).containsExactly(json("message", "x", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void unknownFieldsAndNoColonLinesAreIgnored(Chunking chunking) {
            var result = tailOnce(chunking, lines("foo: bar\n", "Data: no\n", "event\n", "data: x\n", "\n"));
            // "event" with no colon sets the type to "", so the default type applies.
            assertThat(result.lines()).containsExactly(json("message", "x", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void idPersistsAcrossEventsAndAnEmptyIdResetsIt(Chunking chunking) {
            var result = tailOnce(
                    chunking, lines("id: 7\n", "data: a\n", "\n", "data: b\n", "\n", "id\n", "data: c\n", "\n"));
            assertThat(result.lines())
                    .containsExactly(json("message", "a", "7"), json("message", "b", "7"), json("message", "c", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void idContainingNullIsIgnored(Chunking chunking) {
            var result = tailOnce(chunking, lines("id: 1\n", "data: a\n", "\n", "id: 2\u0000x\n", "data: b\n", "\n"));
            assertThat(result.lines()).containsExactly(json("message", "a", "1"), json("message", "b", "1"));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void idOnlyBlockUpdatesTheIdOfLaterEvents(Chunking chunking) {
            var result = tailOnce(chunking, lines("id: 5\n", "\n", "data: a\n", "\n"));
            assertThat(result.lines()).containsExactly(json("message", "a", "5"));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void retryWithDigitsIsReportedAndOtherValuesIgnored(Chunking chunking) {
            var result = tailOnce(
                    chunking,
                    lines(
                            "retry: 2500\n",
                            "data: a\n",
                            "\n",
                            "retry: 1s\n",
                            "data: b\n",
                            "\n",
                            "retry\n",
                            "data: c\n",
                            "\n"));
            assertThat(result.lines())
                    .containsExactly(
                            "{\"event\":\"message\",\"data\":\"a\",\"id\":\"\",\"retry\":2500}",
                            json("message", "b", ""),
                            json("message", "c", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void unfinishedEventAtEndOfStreamIsDiscarded(Chunking chunking) {
            var result = tailOnce(chunking, lines("data: done\n", "\n", "id: 9\n", "data: unfinished\n"));
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "done", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void invalidUtf8BecomesReplacementCharactersPerMaximalSubpart(Chunking chunking) {
            byte[] body = concat(
                    lines("data: "),
                    new byte[] {
                        (byte) 0xED,
                        (byte) 0xA0,
                        (byte) 0x80,
                        'a',
                        (byte) 0xE2,
                        (byte) 0x82,
                        'b',
                        (byte) 0xF0,
                        (byte) 0x9F,
                        (byte) 0x98,
                        (byte) 0x80
                    },
                    lines("\n\n"));
            var result = tailOnce(chunking, body);
            assertThat(result.lines()).containsExactly(json("message", "\uFFFD\uFFFD\uFFFDa\uFFFDb😀", ""));
        }

        @ParameterizedTest
        @EnumSource(Chunking.class)
        void eventsPastTheLimitsAreSkippedWithOneLineOnStderrEach(Chunking chunking) {
            var result = tailOnce(
                    chunking,
                    lines(
                            "id: 1\n",
                            "event: big\n",
                            "data: 0123456789abcdef\n",
                            "\n",
                            "id: 2\n",
                            "data: ok\n",
                            "\n",
                            "id: 3\n",
                            "data: 0123\n",
                            "data: 4567\n",
                            "\n"),
                    "--max-line-length",
                    "16",
                    "--max-event-size",
                    "8");
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "ok", "2"));
            assertThat(result.stderr().lines().filter(line -> line.startsWith("skipped")))
                    .containsExactly(
                            "skipped event big (id 1): 17 data bytes, a line longer than --max-line-length 16;"
                                    + " the stream goes on",
                            "skipped event message (id 3): 10 data bytes, more than --max-event-size 8;"
                                    + " the stream goes on");
        }
    }

    @Nested
    class ConnectionRules {
        private final String[] fast = {"--format", "jsonl", "--reconnect-delay", "10ms", "--max-reconnect-delay", "50ms"
        };

        private TailRunner.Result tail(String... args) {
            List<String> all = new ArrayList<>(List.of(fast));
            all.addAll(List.of(args));
            return TailRunner.run(all.toArray(String[]::new));
        }

        @Test
        void requestAsksForAnEventStreamWithoutCachingAndWithoutAnEmptyLastEventId() throws Exception {
            server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));
            tail("--no-reconnect", server.url("/events?x=1").toString());
            RecordedRequest request = server.takeRequest();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/events?x=1");
            assertThat(request.header("Accept")).isEqualTo("text/event-stream");
            assertThat(request.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(request.header("Last-Event-ID")).isNull();
        }

        @Test
        void headersAndLastEventIdAreSent(@TempDir Path dir) throws Exception {
            Path token = Files.writeString(dir.resolve("token"), "s3cret\n");
            server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));
            var result = tail(
                    "--no-reconnect",
                    "-H",
                    "X-Plain: hello",
                    "-H",
                    "Authorization: Bearer ${file:" + token + "}",
                    "--last-event-id",
                    "41",
                    server.url("/").toString());
            RecordedRequest request = server.takeRequest();
            assertThat(request.header("X-Plain")).isEqualTo("hello");
            assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
            assertThat(request.header("Last-Event-ID")).isEqualTo("41");
            assertThat(result.stderr()).doesNotContain("s3cret");
        }

        @Test
        void nonAsciiLastEventIdIsSentAsUtf8Bytes() throws Exception {
            server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));
            tail("--no-reconnect", "--last-event-id", "é-1", server.url("/").toString());
            assertThat(server.takeRequest().headerBytes("Last-Event-ID"))
                    .isEqualTo("é-1".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void contentTypeParametersAreAllowed() {
            server.enqueue(ScriptedResponse.sse()
                    .header("Content-Type", "text/event-stream; charset=utf-8")
                    .chunk("data: x\n\n"));
            var result = tail("--no-reconnect", server.url("/").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "x", ""));
        }

        @ParameterizedTest
        @ValueSource(ints = {301, 302, 303, 307, 308})
        void redirectsAreFollowed(int status) throws Exception {
            server.enqueue(ScriptedResponse.status(status).header("Location", "/moved"));
            server.enqueue(ScriptedResponse.sse().chunk("data: moved\n\n"));
            var result = tail("--no-reconnect", server.url("/start").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "moved", ""));
            server.takeRequest();
            assertThat(server.takeRequest().path()).isEqualTo("/moved");
        }

        @Test
        void moreThanTenRedirectsFail() {
            server.setDefault(ScriptedResponse.status(302).header("Location", "/again"));
            var result = tail(server.url("/").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).containsIgnoringCase("redirect");
            assertThat(server.requestCount()).isEqualTo(11);
        }

        @Test
        void noContentMeansStopWithoutReconnecting() {
            server.setDefault(ScriptedResponse.status(204));
            var result = tail(server.url("/").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504, 408, 429})
        void retryableStatusesReconnect(int status) {
            server.enqueue(ScriptedResponse.status(status));
            server.enqueue(ScriptedResponse.sse().chunk("data: after\n\n"));
            var result = tail("--max-events", "1", server.url("/").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "after", ""));
            assertThat(result.stderr()).contains(String.valueOf(status)).contains("reconnecting");
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 410, 501})
        void otherStatusesAreFatalAndNamed(int status) {
            server.setDefault(ScriptedResponse.status(status));
            var result = tail(server.url("/").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr().strip()).contains(String.valueOf(status)).doesNotContain("\n");
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void wrongContentTypeIsFatalAndNamed() {
            server.setDefault(ScriptedResponse.status(200)
                    .header("Content-Type", "text/html")
                    .body("<html>"));
            var result = tail(server.url("/").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("text/html");
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void endOfStreamReconnectsWithTheLastEventId() throws Exception {
            server.enqueue(ScriptedResponse.sse().chunk("id: 1\ndata: a\n\nid: 2\ndata: b\n\n"));
            server.enqueue(ScriptedResponse.sse().chunk("id: 3\ndata: c\n\n"));
            var result = tail("--max-events", "3", server.url("/").toString());
            assertThat(result.lines())
                    .containsExactly(json("message", "a", "1"), json("message", "b", "2"), json("message", "c", "3"));
            assertThat(server.takeRequest().header("Last-Event-ID")).isNull();
            assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("2");
        }

        @Test
        void idOnlyBlockIsSentOnReconnect() throws Exception {
            server.enqueue(ScriptedResponse.sse().chunk("data: a\n\nid: 17\n\n"));
            server.enqueue(ScriptedResponse.sse().chunk("data: b\n\n"));
            tail("--max-events", "2", server.url("/").toString());
            server.takeRequest();
            assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("17");
        }

        @Test
        void idOfAnUnfinishedEventIsNotSentOnReconnect() throws Exception {
            server.enqueue(ScriptedResponse.sse().chunk("id: 1\ndata: a\n\nid: 2\ndata: cut"));
            server.enqueue(ScriptedResponse.sse().chunk("data: b\n\n"));
            tail("--max-events", "2", server.url("/").toString());
            server.takeRequest();
            assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("1");
        }

        @Test
        void endOfStreamUnderNoReconnectExitsZero() {
            server.enqueue(ScriptedResponse.sse().chunk("data: a\n\n"));
            var result = tail("--no-reconnect", server.url("/").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void refusedConnectionUnderNoReconnectFails() {
            String url = server.url("/").toString();
            server.close();
            var result = tail("--no-reconnect", url);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isNotBlank();
        }

        @Test
        void eventFilterPrintsOnlyTheListedTypes() {
            server.enqueue(
                    ScriptedResponse.sse()
                            .chunk(
                                    "event: HEARTBEAT\ndata: h\n\nevent: ALERT\ndata: a\n\nevent: ALERT_DLQC\ndata: d\n\ndata: m\n\n"));
            var result = tail(
                    "--no-reconnect",
                    "--events",
                    "ALERT,ALERT_DLQC",
                    server.url("/").toString());
            assertThat(result.lines()).containsExactly(json("ALERT", "a", ""), json("ALERT_DLQC", "d", ""));
        }

        @Test
        void maxEventsStopsAndExitsZero() {
            server.enqueue(ScriptedResponse.sse()
                    .chunk("data: 1\n\ndata: 2\n\ndata: 3\n\n")
                    .thenHang());
            var result = tail("--max-events", "2", server.url("/").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "1", ""), json("message", "2", ""));
        }

        @Test
        void durationStopsAStalledStreamAndExitsZero() {
            server.enqueue(ScriptedResponse.sse().chunk("data: 1\n\n").thenHang());
            var result = tail("--duration", "300ms", server.url("/").toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly(json("message", "1", ""));
        }

        @Test
        void idleStreamIsReconnectedAfterTheReadTimeout() throws Exception {
            server.enqueue(ScriptedResponse.sse().chunk("id: 1\ndata: a\n\n").thenHang());
            server.enqueue(ScriptedResponse.sse().chunk("id: 2\ndata: b\n\n").thenHang());
            var result = tail(
                    "--read-timeout",
                    "200ms",
                    "--max-events",
                    "2",
                    server.url("/").toString());
            assertThat(result.lines()).containsExactly(json("message", "a", "1"), json("message", "b", "2"));
            server.takeRequest();
            assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("1");
        }

        @Test
        void commentsKeepAnIdleStreamAlive() {
            ScriptedResponse heartbeats = ScriptedResponse.sse().chunk("data: a\n\n");
            for (int i = 0; i < 6; i++) {
                heartbeats = heartbeats.pause(Duration.ofMillis(100)).chunk(":\n");
            }
            server.enqueue(heartbeats.chunk("data: b\n\n").thenHang());
            var result = tail(
                    "--read-timeout",
                    "400ms",
                    "--max-events",
                    "2",
                    server.url("/").toString());
            assertThat(result.lines()).containsExactly(json("message", "a", ""), json("message", "b", ""));
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void badHeaderOptionIsAUsageError() {
            var result = tail("-H", "no-colon-here", server.url("/").toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("--header");
        }

        @Test
        void missingFileReferenceFailsNamingThePath() {
            server.setDefault(ScriptedResponse.sse().chunk("data: x\n\n"));
            var result = tail(
                    "--no-reconnect",
                    "-H",
                    "Authorization: ${file:/nonexistent/token}",
                    server.url("/").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("/nonexistent/token");
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
