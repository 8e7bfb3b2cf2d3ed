package io.sseconnector.connector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust and key manager factories from PEM files, with the JDK only: a CA bundle, and a client
 * certificate chain with its unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}) for mutual TLS.
 */
public final class TlsFactories {
    private static final char[] NO_PASSWORD = new char[0];

    private TlsFactories() {}

    /** Trusts the certificates in {@code caFile}; the JDK's trust store when it is {@code null}. */
    public static TrustManagerFactory trustManagerFactory(Path caFile) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                factory.init((KeyStore) null);
                return factory;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates(caFile)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in CA file " + caFile);
            }
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** The client identity for mutual TLS, or {@code null} when no certificate is configured. */
    public static KeyManagerFactory keyManagerFactory(Path certFile, Path keyFile) {
        if (certFile == null && keyFile == null) {
            return null;
        }
        if (certFile == null || keyFile == null) {
            throw new IllegalArgumentException("mutual TLS needs both certFile and keyFile");
        }
        try {
            List<Certificate> chain = certificates(certFile);
            PrivateKey key = privateKey(keyFile);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "cannot read client certificate " + certFile + " / key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> all =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            return new ArrayList<>(all);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < 0) {
            throw new InvalidKeySpecException("expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY) in " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException wrongAlgorithm) {
                // try the next one: PKCS#8 names the algorithm, but KeyFactory wants it up front
            }
        }
        throw new InvalidKeySpecException("unsupported key algorithm in " + file);
    }
}
