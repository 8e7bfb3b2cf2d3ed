package io.sseconnector.connector.cli;

import io.sseconnector.client.SseClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a command reaches an SSE endpoint: request headers, connect timeout, TLS files and a proxy.
 * Shared by every command that opens one stream from the command line, so they spell these options
 * the same way and reject malformed ones with the same message.
 */
final class ConnectionOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "'NAME: VALUE'",
            description = "A request header; repeatable. Values may use $${env:NAME} and $${file:PATH}.")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "Limit for connecting and receiving the response headers (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust these CA certificates instead of the JDK's.")
    Path caFile;

    @Option(names = "--cert-file", paramLabel = "PEM", description = "Client certificate for mutual TLS.")
    Path certFile;

    @Option(names = "--key-file", paramLabel = "PEM", description = "Client private key (PKCS#8) for mutual TLS.")
    Path keyFile;

    @Option(names = "--proxy", paramLabel = "HOST:PORT", description = "Connect through this HTTP proxy (CONNECT).")
    String proxy;

    /**
     * {@code config} with these options applied.
     *
     * @throws ParameterException naming the option when one is malformed
     */
    SseClientConfig applyTo(SseClientConfig config) {
        SseClientConfig applied;
        try {
            applied = config.withHeaders(parseHeaders()).withConnectTimeout(connectTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (caFile != null || certFile != null || keyFile != null) {
            applied = applied.withTls(new SseClientConfig.Tls(caFile, certFile, keyFile, null, null, null, true));
        }
        if (proxy != null) {
            applied = applied.withProxy(parseProxy());
        }
        return applied;
    }

    private Map<String, String> parseHeaders() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ParameterException(
                        spec.commandLine(), "--header must look like 'Name: value', was '" + headerName(header) + "'");
            }
            parsed.put(
                    header.substring(0, colon).trim(),
                    header.substring(colon + 1).trim());
        }
        return parsed;
    }

    /** What may be shown of a malformed header: its name part, never a value (it may be a secret). */
    private static String headerName(String header) {
        int space = header.indexOf(' ');
        return space < 0 ? header : header.substring(0, space) + " ...";
    }

    private SseClientConfig.Proxy parseProxy() {
        int colon = proxy.lastIndexOf(':');
        try {
            String host = proxy.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1); // an IPv6 literal, [::1]:3128
            }
            return new SseClientConfig.Proxy(host, Integer.parseInt(proxy.substring(colon + 1)), null, null);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--proxy must look like HOST:PORT, was '" + proxy + "'");
        }
    }
}
