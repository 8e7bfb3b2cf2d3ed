package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the client answers each kind of response: one rule per test. */
class ConnectionRulesTest extends ClientTestSupport {

    @Test
    void okWithEventStreamOpens() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("data: hello\n\n").thenHang());

        open(config("/events"));

        StreamSignal.Opened opened = recorder.next(StreamSignal.Opened.class);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.uri()).isEqualTo(server.url("/events"));
        assertThat(opened.contentType()).isEqualTo("text/event-stream");
        assertThat(recorder.nextEvent().data()).isEqualTo("hello");
    }

    @Test
    void contentTypeParametersAndCaseAreAccepted() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .header("Content-Type", "Text/Event-Stream; charset=utf-8")
                .chunk("data: x\n\n")
                .thenHang());

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Opened.class).contentType())
                .isEqualTo("Text/Event-Stream; charset=utf-8");
        assertThat(recorder.nextEvent().data()).isEqualTo("x");
    }

    @Test
    void chunkedBodiesAreRead() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunked()
                .chunk("data: a\n")
                .chunk("\ndata: b\n\n")
                .thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("a");
        assertThat(recorder.nextEvent().data()).isEqualTo("b");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsAreFollowedWithRelativeLocations(int status) throws Exception {
        server.enqueue(ScriptedResponse.status(status).header("Location", "other?x=1"));
        server.enqueue(ScriptedResponse.sse().chunk("data: moved\n\n").thenHang());

        open(config("/a/events"));

        assertThat(recorder.next(StreamSignal.Opened.class).uri()).isEqualTo(server.url("/a/other?x=1"));
        assertThat(recorder.nextEvent().data()).isEqualTo("moved");
        assertThat(server.takeRequest().path()).isEqualTo("/a/events");
        assertThat(server.takeRequest().path()).isEqualTo("/a/other?x=1");
    }

    @Test
    void redirectsBeyondTheLimitFail() throws Exception {
        server.setDefault(ScriptedResponse.status(302).header("Location", "/loop"));

        open(config("/events").withMaxRedirects(3));

        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.getMessage()).contains("302").contains("maxRedirects 3");
        assertThat(error.status()).isEqualTo(302);
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void redirectWithoutLocationFails() throws Exception {
        server.enqueue(ScriptedResponse.status(307));

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("307 Temporary Redirect")
                .contains("no Location");
    }

    @Test
    void noContentClosesWithoutReconnecting() throws Exception {
        server.enqueue(ScriptedResponse.status(204));
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Closed.class).reason()).contains("204");
        assertThat(recorder.during(Duration.ofMillis(300))).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void retryableStatusesReconnect(int status) throws Exception {
        server.enqueue(ScriptedResponse.status(status));
        server.enqueue(ScriptedResponse.sse().chunk("data: back\n\n").thenHang());

        open(config("/events"));

        StreamSignal.Retrying retrying = recorder.next(StreamSignal.Retrying.class);
        assertThat(retrying.reason()).startsWith(Integer.toString(status));
        assertThat(retrying.attempt()).isEqualTo(1);
        assertThat(retrying.delay()).isEqualTo(Duration.ofMillis(20));
        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("back");
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        server.enqueue(ScriptedResponse.status(503).header("Retry-After", "1"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events").withBackoff(FAST.withMaxDelay(Duration.ofSeconds(5))));

        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(Duration.ofSeconds(1));
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void retryAfterDateIsHonoured() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        server.enqueue(ScriptedResponse.status(429).header("Retry-After", date));

        open(config("/events").withBackoff(FAST.withMaxDelay(Duration.ofSeconds(60))));

        assertThat(recorder.next(StreamSignal.Retrying.class).delay())
                .isBetween(Duration.ofSeconds(27), Duration.ofSeconds(30));
    }

    @Test
    void retryAfterIsCappedByTheMaxDelay() throws Exception {
        server.enqueue(ScriptedResponse.status(503).header("Retry-After", "3600"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Retrying.class).delay()).isEqualTo(FAST.maxDelay());
        recorder.next(StreamSignal.Opened.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 501})
    void otherStatusesFailNamingTheStatus(int status) throws Exception {
        server.enqueue(ScriptedResponse.status(status));
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.getMessage())
                .contains(server.url("/events").toString())
                .contains(Integer.toString(status));
        assertThat(recorder.during(Duration.ofMillis(200))).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void failureMessageCarriesTheReasonPhrase() throws Exception {
        server.enqueue(ScriptedResponse.status(401));

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("401 Unauthorized");
    }

    @Test
    void okWithAnotherContentTypeFailsNamingIt() throws Exception {
        server.enqueue(
                ScriptedResponse.status(200).header("Content-Type", "text/html").body("<html>"));

        open(config("/events"));

        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.getMessage()).contains("text/html").contains("text/event-stream");
        assertThat(error.status()).isEqualTo(200);
    }

    @Test
    void okWithoutContentTypeFails() throws Exception {
        server.enqueue(ScriptedResponse.status(200).body("data: x\n\n"));

        open(config("/events"));

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("no Content-Type");
    }

    @Test
    void theConnectionOfARejectedResponseIsClosed() throws Exception {
        // A 503 whose body never ends: only the client closing frees the server's connection.
        server.enqueue(ScriptedResponse.status(503)
                .header("Content-Length", "1000")
                .chunk("x")
                .thenHang());
        server.setDefault(ScriptedResponse.sse().thenHang());

        open(config("/events")
                .withBackoff(FAST.withInitialDelay(Duration.ofSeconds(30)).withMaxDelay(Duration.ofSeconds(30))));

        recorder.next(StreamSignal.Retrying.class);
        org.awaitility.Awaitility.await().until(() -> server.openConnections() == 0);
    }

    @Test
    void withoutReconnectEndOfStreamCloses() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk("data: x\n\n"));

        open(config("/events").withReconnect(false));

        recorder.next(StreamSignal.Opened.class);
        recorder.nextEvent();
        assertThat(recorder.next(StreamSignal.Closed.class).reason()).contains("ended the stream");
    }

    @Test
    void withoutReconnectARetryableStatusFails() throws Exception {
        server.enqueue(ScriptedResponse.status(503));

        open(config("/events").withReconnect(false));

        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.getMessage()).contains("503 Service Unavailable");
        assertThat(error.status()).isEqualTo(503);
    }

    @Test
    void connectionRefusedIsRetried() throws Exception {
        int port = server.port();
        server.close();

        client.open(
                SseClientConfig.of(java.net.URI.create("http://127.0.0.1:" + port + "/events"))
                        .withBackoff(FAST),
                recorder);

        StreamSignal.Retrying first = recorder.next(StreamSignal.Retrying.class);
        assertThat(first.cause()).isNotNull();
        assertThat(first.reason()).containsIgnoringCase("refused");
        assertThat(recorder.next(StreamSignal.Retrying.class).attempt()).isEqualTo(2);
    }

    @Test
    void malformedResponsesAreRetried() throws Exception {
        server.enqueue(ScriptedResponse.raw("HTTP/1.1 banana\r\n\r\n"));
        server.enqueue(ScriptedResponse.sse().thenHang());

        open(config("/events"));

        recorder.next(StreamSignal.Retrying.class);
        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void slowResponseHeadsHitTheConnectTimeout() throws Exception {
        server.enqueue(ScriptedResponse.sse().headersDelay(Duration.ofSeconds(5)));
        server.enqueue(ScriptedResponse.sse().thenHang());

        // Long enough that the second, prompt response meets it even on a loaded machine.
        open(config("/events").withConnectTimeout(Duration.ofSeconds(1)));

        assertThat(recorder.next(StreamSignal.Retrying.class).reason()).contains("connect timeout");
        recorder.next(StreamSignal.Opened.class);
    }
}
