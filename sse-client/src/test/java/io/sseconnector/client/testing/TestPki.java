package io.sseconnector.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway PKI made with the {@code openssl} command in a directory: a CA, a server
 * certificate for 127.0.0.1 and localhost, one for another host name, and a client certificate
 * as PEM + PKCS#8 key (plain and encrypted) and as PKCS#12. EC P-256 keys, valid two days.
 */
public final class TestPki {
    /** The password of the encrypted key and of every PKCS#12 store. */
    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Generates everything into {@code dir} (a few hundred ms). */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        TestPki pki = new TestPki(dir);
        pki.generate();
        return pki;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** The server certificate (for 127.0.0.1 and localhost) as PEM, for servers configured by file. */
    public Path serverCertPem() {
        return dir.resolve("server.pem");
    }

    /** The server key, unencrypted PKCS#8 PEM. */
    public Path serverKeyPem() {
        return dir.resolve("server.key");
    }

    public Path clientCertPem() {
        return dir.resolve("client.pem");
    }

    /** The client key, unencrypted PKCS#8 PEM. */
    public Path clientKeyPem() {
        return dir.resolve("client.key");
    }

    /** The client key, PKCS#8 PEM encrypted with {@link #PASSWORD}. */
    public Path clientEncryptedKeyPem() {
        return dir.resolve("client-encrypted.key");
    }

    /** The client certificate and key as PKCS#12, password {@link #PASSWORD}. */
    public Path clientPkcs12() {
        return dir.resolve("client.p12");
    }

    /** A server context whose certificate names 127.0.0.1 and localhost; it trusts the CA for clients. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        return context(dir.resolve("server.p12"));
    }

    /** A server context whose certificate names only wrong.example. */
    public SSLContext wrongHostServerContext() throws IOException, GeneralSecurityException {
        return context(dir.resolve("wrong.p12"));
    }

    /** The key material of {@link #serverContext()}, for servers that build their own context. */
    public KeyManagerFactory serverKeys() throws IOException, GeneralSecurityException {
        return keys(dir.resolve("server.p12"));
    }

    private static KeyManagerFactory keys(Path pkcs12) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        return kmf;
    }

    private SSLContext context(Path pkcs12) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = keys(pkcs12);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem())) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("ca", ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private void generate() throws IOException, InterruptedException {
        String ec = "ec_paramgen_curve:prime256v1";
        openssl(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                ec,
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=sse-client test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        leaf("server", "/CN=localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        leaf("wrong", "/CN=wrong.example", "subjectAltName=DNS:wrong.example\nextendedKeyUsage=serverAuth\n");
        leaf("client", "/CN=sse-client test client", "extendedKeyUsage=clientAuth\n");
        openssl(
                "pkcs8",
                "-topk8",
                "-in",
                "client.key",
                "-out",
                "client-encrypted.key",
                "-v2",
                "aes-256-cbc",
                "-passout",
                "pass:" + PASSWORD);
        for (String name : List.of("server", "wrong", "client")) {
            openssl(
                    "pkcs12",
                    "-export",
                    "-in",
                    name + ".pem",
                    "-inkey",
                    name + ".key",
                    "-certfile",
                    "ca.pem",
                    "-out",
                    name + ".p12",
                    "-passout",
                    "pass:" + PASSWORD);
        }
    }

    private void leaf(String name, String subject, String extensions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), extensions, StandardCharsets.US_ASCII);
        openssl(
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr",
                "-subj",
                subject);
        openssl(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                name + ".pem",
                "-days",
                "2",
                "-extfile",
                name + ".ext");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
