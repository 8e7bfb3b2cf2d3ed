package io.sseconnector.client.internal;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.sseconnector.client.SseClientConfig.Tls;
import io.sseconnector.client.SseClientException;
import io.sseconnector.client.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One client-side {@link SslContext} per distinct {@link Tls} setting, built on first use (JDK
 * provider) from the material {@link TlsFiles} loads: a PEM CA bundle or the JDK trust store, and
 * an optional client certificate as PEM + PKCS#8 key (encrypted or not) or PKCS#12. A setting that
 * cannot be loaded is not cached, so a fixed file is picked up by the next attempt.
 */
final class TlsContexts {
    /** Offer HTTP/2 first, then HTTP/1.1; a server without ALPN gets HTTP/1.1. */
    private static final ApplicationProtocolConfig ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2,
            ApplicationProtocolNames.HTTP_1_1);

    private final ConcurrentMap<Tls, SslContext> contexts = new ConcurrentHashMap<>();

    /** The context for {@code tls}; throws {@link SseClientException} naming the file at fault. */
    SslContext get(Tls tls) {
        SslContext context = contexts.get(tls);
        if (context == null) {
            context = build(tls);
            SslContext raced = contexts.putIfAbsent(tls, context);
            if (raced != null) {
                context = raced;
            }
        }
        return context;
    }

    private static SslContext build(Tls tls) {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .endpointIdentificationAlgorithm(tls.verifyHostname() ? "HTTPS" : null)
                .applicationProtocolConfig(ALPN);
        if (tls.caFile() != null) {
            requireReadable(tls.caFile(), "caFile");
            try {
                builder.trustManager(TlsFiles.trustManagers(tls.caFile()));
            } catch (IllegalArgumentException e) {
                throw failure("caFile", e);
            }
        }
        if (tls.pkcs12File() != null) {
            requireReadable(tls.pkcs12File(), "pkcs12File");
            try {
                builder.keyManager(TlsFiles.pkcs12(tls.pkcs12File(), tls.pkcs12Password()));
            } catch (IllegalArgumentException e) {
                throw failure("pkcs12File", e);
            }
        } else if (tls.certFile() != null || tls.keyFile() != null) {
            if (tls.certFile() == null || tls.keyFile() == null) {
                throw new SseClientException("TLS: certFile and keyFile must be given together", -1, null);
            }
            requireReadable(tls.certFile(), "certFile");
            requireReadable(tls.keyFile(), "keyFile");
            try {
                builder.keyManager(TlsFiles.keyManagers(tls.certFile(), tls.keyFile(), tls.keyPassword()));
            } catch (IllegalArgumentException e) {
                throw failure("certFile/keyFile", e);
            }
        }
        try {
            return builder.build();
        } catch (IOException | RuntimeException e) {
            throw new SseClientException("TLS: cannot set up TLS with " + tls + ": " + LogText.describe(e), -1, e);
        }
    }

    private static void requireReadable(Path file, String setting) {
        if (!Files.isReadable(file)) {
            throw new SseClientException("TLS: " + setting + " " + file + " is not a readable file", -1, null);
        }
    }

    /** {@link TlsFiles}' message names the file and the fault; this adds the setting. */
    private static SseClientException failure(String setting, IllegalArgumentException cause) {
        return new SseClientException("TLS: " + setting + ": " + cause.getMessage(), -1, cause);
    }
}
