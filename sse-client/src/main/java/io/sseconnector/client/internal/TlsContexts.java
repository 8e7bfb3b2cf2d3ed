package io.sseconnector.client.internal;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.sseconnector.client.SseClientConfig.Tls;
import io.sseconnector.client.SseClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.KeyManagerFactory;

/**
 * One client-side {@link SslContext} per distinct {@link Tls} setting, built on first use (JDK
 * provider): a PEM CA bundle or the JDK trust store, and an optional client certificate as PEM +
 * PKCS#8 key or PKCS#12. A setting that cannot be loaded is not cached, so a fixed file is picked
 * up by the next attempt.
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
                builder.trustManager(tls.caFile().toFile());
            } catch (IllegalArgumentException e) {
                throw failure("cannot load the CA bundle caFile " + tls.caFile(), e);
            }
        }
        if (tls.pkcs12File() != null) {
            builder.keyManager(pkcs12(tls.pkcs12File(), tls.pkcs12Password()));
        } else if (tls.certFile() != null || tls.keyFile() != null) {
            if (tls.certFile() == null || tls.keyFile() == null) {
                throw new SseClientException("TLS: certFile and keyFile must be given together", -1, null);
            }
            requireReadable(tls.certFile(), "certFile");
            requireReadable(tls.keyFile(), "keyFile");
            try {
                builder.keyManager(tls.certFile().toFile(), tls.keyFile().toFile(), tls.keyPassword());
            } catch (IllegalArgumentException e) {
                throw failure(
                        "cannot load the client certificate certFile " + tls.certFile() + " with keyFile "
                                + tls.keyFile() + " (PEM certificate, PKCS#8 key)",
                        e);
            }
        }
        try {
            return builder.build();
        } catch (IOException | RuntimeException e) {
            throw failure("cannot set up TLS with " + tls, e);
        }
    }

    private static KeyManagerFactory pkcs12(Path file, String password) {
        requireReadable(file, "pkcs12File");
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, secret);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw failure("cannot load the PKCS#12 store pkcs12File " + file, e);
        }
    }

    private static void requireReadable(Path file, String setting) {
        if (!Files.isReadable(file)) {
            throw new SseClientException("TLS: " + setting + " " + file + " is not a readable file", -1, null);
        }
    }

    private static SseClientException failure(String what, Exception cause) {
        return new SseClientException("TLS: " + what + ": " + LogText.describe(cause), -1, cause);
    }
}
