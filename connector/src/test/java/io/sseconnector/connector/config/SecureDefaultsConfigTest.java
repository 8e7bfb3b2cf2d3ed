package io.sseconnector.connector.config;

import static io.sseconnector.connector.config.TestConfigs.lines;
import static io.sseconnector.connector.config.TestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the configuration refuses or flags so that a deployment is safe by default: the admin
 * endpoints on loopback, their token, no TLS settings on an unencrypted broker URL, no credentials
 * in URLs (and no password in a message about one).
 */
class SecureDefaultsConfigTest {
    private static final String DEVICE = """
            devices: [ { name: cam, endpoint: "http://127.0.0.1:8080/events" } ]
            assets: [ { name: a, device: cam, defaultDestinations: [ { target: Stdout } ] } ]
            """;

    @Test
    void theServerListensOnLoopbackWhenNoHostIsWritten() {
        ConnectorConfig config = parse("server: { port: 8090 }\n" + DEVICE).orThrow();

        assertThat(config.server().orElseThrow().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().orElseThrow().token()).isEmpty();
    }

    @Test
    void serverAuthTokenIsReadFromTheEnvironmentAndNeverShown() {
        ConfigEnvironment env = ConfigEnvironment.of(Map.of("ADMIN_TOKEN", "0123456789abcdef-admin"), "box");
        LoadResult result = ConfigLoader.with(env)
                .parse("server: { port: 8090, auth: { token: \"${env:ADMIN_TOKEN}\" } }\n" + DEVICE);

        Secret token = result.orThrow().server().orElseThrow().token().orElseThrow();
        assertThat(token.value()).isEqualTo("0123456789abcdef-admin");
        assertThat(result.orThrow().toString()).doesNotContain("0123456789abcdef-admin");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aTokenWithASpaceIsAnErrorThatDoesNotQuoteIt() {
        LoadResult result =
                parse("server: { port: 8090, auth: { token: \"Bearer s3cr3t-value-long-enough\" } }\n" + DEVICE);

        assertThat(lines(result))
                .containsExactly("f:1:38: server.auth.token: the token holds a space or a control character; write"
                        + " the token alone (clients send it as 'Authorization: Bearer TOKEN')");
    }

    @Test
    void aShortTokenIsAWarningAndAnUnknownAuthKeyAnError() {
        assertThat(lines(parse("server: { port: 8090, auth: { token: short } }\n" + DEVICE)))
                .containsExactly("f:1:38: server.auth.token: warning: the token has fewer than 16 characters and"
                        + " could be guessed; make one with: openssl rand -hex 32");
        assertThat(lines(parse("server: { port: 8090, auth: { tokn: x } }\n" + DEVICE)))
                .containsExactly(
                        "f:1:29: server.auth.token: required key 'token' is missing",
                        "f:1:31: server.auth.tokn: unknown key 'tokn'; did you mean 'token'?");
    }

    @Test
    void anOpenHostWithoutATokenIsFlagged() {
        assertThat(lines(parse("server: { host: 0.0.0.0, port: 8090 }\n" + DEVICE)))
                .containsExactly("f:1:17: server.host: warning: host 0.0.0.0 serves /stats, /schemas and /metrics"
                        + " to other machines to anyone who asks; set server.auth.token (e.g."
                        + " \"${env:ADMIN_TOKEN}\") to require a bearer token");
        assertThat(lines(parse(
                        "server: { host: 0.0.0.0, port: 8090, auth: { token: 0123456789abcdef0123 } }\n" + DEVICE)))
                .isEmpty();
    }

    @Test
    void tlsSettingsNextToATcpBrokerUrlAreAnError() {
        LoadResult result = parse("""
                mqtt: { url: "tcp://127.0.0.1:1883", tls: { } }
                """ + DEVICE);

        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        assertThat(lines(result))
                .contains("f:1:43: mqtt.tls: tls applies to mqtts:// brokers, but url is tcp://127.0.0.1:1883, which"
                        + " is not encrypted; write url: mqtts://host:port, or remove tls");
    }

    @Test
    void aDeviceUrlWithCredentialsIsRefusedPointingToHeadersWithoutPrintingThePassword() {
        LoadResult result = parse("""
                devices: [ { name: cam, endpoint: "http://admin:pa55word@127.0.0.1:8080/events" } ]
                assets: [ { name: a, device: cam, defaultDestinations: [ { target: Stdout } ] } ]
                """);

        assertThat(lines(result))
                .containsExactly("f:1:35: devices[0].endpoint: 'http://****@127.0.0.1:8080/events' carries a user"
                        + " name or password (user:pass@), which would be printed wherever the URL is; remove it"
                        + " and send the credentials in headers, e.g. headers: { Authorization: \"Basic"
                        + " ${env:NAME}\" } or \"Bearer ${file:PATH}\"");
    }

    @Test
    void noMessageAboutAUrlShowsItsPassword() {
        LoadResult result = parse("""
                mqtt: { url: "tcp://user:pa55@word@broker:1883" }
                devices: [ { name: cam, endpoint: "ftp://user:pa55word@cam/events" } ]
                assets: [ { name: a, device: cam, defaultDestinations: [ { target: Mqtt, configuration: { topic: t } } ] } ]
                """);

        assertThat(lines(result))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).doesNotContain("pa55").contains("****@"));
    }
}
