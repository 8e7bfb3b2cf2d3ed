package io.sseconnector.connector.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS towards a broker or a device. Absent files mean the JDK defaults: the system trust store
 * and no client certificate.
 *
 * @param caFile PEM bundle of the CAs to trust, instead of the system trust store
 * @param certFile PEM client certificate (mutual TLS); requires {@code keyFile}
 * @param keyFile PEM PKCS#8 private key of {@code certFile}
 * @param keyPassword the key's password, when it is encrypted
 */
public record TlsConfig(
        Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile, Optional<Secret> keyPassword) {
    /** No files: the system trust store, no client certificate. */
    public static final TlsConfig DEFAULTS =
            new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public TlsConfig {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(keyPassword, "keyPassword");
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("certFile and keyFile go together");
        }
    }

    public TlsConfig withCaFile(Path value) {
        return new TlsConfig(Optional.of(value), certFile, keyFile, keyPassword);
    }

    public TlsConfig withClientCertificate(Path cert, Path key) {
        return new TlsConfig(caFile, Optional.of(cert), Optional.of(key), keyPassword);
    }
}
