package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ConnectProxy;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.client.testing.SignalRecorder;
import io.sseconnector.client.testing.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with a custom CA, hostname verification, mutual TLS, and HTTP CONNECT proxies. */
class TlsAndProxyTest {
    @TempDir
    static Path pkiDir;

    static TestPki pki;

    SseClient client;
    SignalRecorder recorder;
    ScriptedSseServer server;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(pkiDir);
    }

    @BeforeEach
    void startClient() {
        client = SseClient.create(1);
        recorder = new SignalRecorder();
    }

    @AfterEach
    void stop() {
        client.close();
        if (server != null) {
            server.close();
        }
        assertThat(recorder.violations()).isEmpty();
    }

    private ScriptedSseServer tlsServer(boolean needClientAuth) throws Exception {
        server = ScriptedSseServer.startTls(pki.serverContext(), needClientAuth);
        server.setDefault(ScriptedResponse.sse().chunk("data: secure\n\n").thenHang());
        return server;
    }

    private static SseClientConfig.Tls trustingTheCa() {
        return new SseClientConfig.Tls(pki.caPem(), null, null, null, null, null, true);
    }

    private SseClientConfig config(URI uri, SseClientConfig.Tls tls) {
        return SseClientConfig.of(uri)
                .withTls(tls)
                .withBackoff(new SseClientConfig.Backoff(
                        Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(60), 0))
                .withConnectTimeout(Duration.ofSeconds(5));
    }

    @Test
    void aCustomCaBundleIsTrusted() throws Exception {
        tlsServer(false);

        client.open(config(server.url("/events"), trustingTheCa()), recorder);

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("secure");
    }

    @Test
    void theHostNameMatchesByDnsName() throws Exception {
        tlsServer(false);

        client.open(config(URI.create("https://localhost:" + server.port() + "/events"), trustingTheCa()), recorder);

        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void anUnknownCaFails() throws Exception {
        tlsServer(false);

        client.open(config(server.url("/events"), SseClientConfig.Tls.DEFAULTS), recorder);

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("TLS handshake failed");
    }

    @Test
    void aCertificateForAnotherHostFails() throws Exception {
        server = ScriptedSseServer.startTls(pki.wrongHostServerContext(), false);
        server.setDefault(ScriptedResponse.sse().thenHang());

        client.open(config(server.url("/events"), trustingTheCa()), recorder);

        SseClientException error = recorder.next(StreamSignal.Failed.class).error();
        assertThat(error.getMessage()).contains("TLS handshake failed").contains("127.0.0.1");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void hostNameVerificationCanBeTurnedOff() throws Exception {
        server = ScriptedSseServer.startTls(pki.wrongHostServerContext(), false);
        server.setDefault(ScriptedResponse.sse().thenHang());
        SseClientConfig.Tls lenient = new SseClientConfig.Tls(pki.caPem(), null, null, null, null, null, false);

        client.open(config(server.url("/events"), lenient), recorder);

        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void mutualTlsWithPemCertificateAndPkcs8Key() throws Exception {
        tlsServer(true);
        SseClientConfig.Tls tls =
                new SseClientConfig.Tls(pki.caPem(), pki.clientCertPem(), pki.clientKeyPem(), null, null, null, true);

        client.open(config(server.url("/events"), tls), recorder);

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("secure");
    }

    @Test
    void mutualTlsWithAnEncryptedPkcs8Key() throws Exception {
        tlsServer(true);
        SseClientConfig.Tls tls = new SseClientConfig.Tls(
                pki.caPem(), pki.clientCertPem(), pki.clientEncryptedKeyPem(), TestPki.PASSWORD, null, null, true);

        client.open(config(server.url("/events"), tls), recorder);

        recorder.next(StreamSignal.Opened.class);
    }

    @Test
    void mutualTlsWithPkcs12() throws Exception {
        tlsServer(true);
        SseClientConfig.Tls tls =
                new SseClientConfig.Tls(pki.caPem(), null, null, null, pki.clientPkcs12(), TestPki.PASSWORD, true);

        client.open(config(server.url("/events"), tls), recorder);

        recorder.next(StreamSignal.Opened.class);
        assertThat(recorder.nextEvent().data()).isEqualTo("secure");
    }

    @Test
    void withoutAClientCertificateTheServerRefuses() throws Exception {
        tlsServer(true);

        client.open(config(server.url("/events"), trustingTheCa()), recorder);

        StreamSignal signal = recorder.next();
        assertThat(signal).isInstanceOf(StreamSignal.Retrying.class);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void anUnreadableCaFileFailsNamingIt() throws Exception {
        tlsServer(false);
        Path missing = pkiDir.resolve("missing-ca.pem");

        client.open(
                config(server.url("/events"), new SseClientConfig.Tls(missing, null, null, null, null, null, true)),
                recorder);

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("caFile")
                .contains(missing.toString());
    }

    @Test
    void aWrongPkcs12PasswordFailsWithoutQuotingIt() throws Exception {
        tlsServer(true);
        SseClientConfig.Tls tls =
                new SseClientConfig.Tls(pki.caPem(), null, null, null, pki.clientPkcs12(), "wrong-secret", true);

        client.open(config(server.url("/events"), tls), recorder);

        assertThat(recorder.next(StreamSignal.Failed.class).error().getMessage())
                .contains("pkcs12File")
                .doesNotContain("wrong-secret");
    }

    @Test
    void plainHttpGoesThroughAConnectProxy() throws Exception {
        server = ScriptedSseServer.start();
        server.setDefault(ScriptedResponse.sse().chunk("data: proxied\n\n").thenHang());
        try (ConnectProxy proxy = ConnectProxy.start()) {
            client.open(
                    config(server.url("/events"), SseClientConfig.Tls.DEFAULTS)
                            .withProxy(new SseClientConfig.Proxy("127.0.0.1", proxy.port(), null, null)),
                    recorder);

            recorder.next(StreamSignal.Opened.class);
            assertThat(recorder.nextEvent().data()).isEqualTo("proxied");
            assertThat(proxy.heads()).singleElement().asString().startsWith("CONNECT 127.0.0.1:" + server.port() + " ");
        }
    }

    @Test
    void httpsGoesThroughAConnectProxyWithCredentials() throws Exception {
        tlsServer(false);
        String expected = "Basic " + Base64.getEncoder().encodeToString("bridge:pa55".getBytes(StandardCharsets.UTF_8));
        try (ConnectProxy proxy = ConnectProxy.startWithAuthorization(expected)) {
            client.open(
                    config(server.url("/events"), trustingTheCa())
                            .withProxy(new SseClientConfig.Proxy("127.0.0.1", proxy.port(), "bridge", "pa55")),
                    recorder);

            recorder.next(StreamSignal.Opened.class);
            assertThat(recorder.nextEvent().data()).isEqualTo("secure");
        }
    }

    @Test
    void aProxyThatRefusesIsRetried() throws Exception {
        server = ScriptedSseServer.start();
        try (ConnectProxy proxy = ConnectProxy.startWithAuthorization("Basic nope")) {
            client.open(
                    config(server.url("/events"), SseClientConfig.Tls.DEFAULTS)
                            .withProxy(new SseClientConfig.Proxy("127.0.0.1", proxy.port(), null, null)),
                    recorder);

            assertThat(recorder.next(StreamSignal.Retrying.class).reason()).contains("407");
        }
    }
}
