package io.sseconnector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sseconnector.client.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM keys as openssl writes them: plain and encrypted PKCS#8 load, anything else is named with a fix. */
class TlsFilesTest {
    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPki.create(dir);
    }

    @Test
    void anEncryptedPkcs8KeyDecryptsToTheSameKeyAsThePlainOne() {
        var plain = TlsFiles.privateKey(pki.clientKeyPem(), null);
        var decrypted = TlsFiles.privateKey(pki.clientEncryptedKeyPem(), TestPki.PASSWORD);

        assertThat(decrypted.getEncoded()).isEqualTo(plain.getEncoded());
        assertThat(TlsFiles.keyManagers(pki.clientCertPem(), pki.clientEncryptedKeyPem(), TestPki.PASSWORD)
                        .getKeyManagers())
                .hasSize(1);
    }

    @Test
    void aWrongPasswordIsSaidWithoutQuotingIt() {
        assertThatThrownBy(() -> TlsFiles.privateKey(pki.clientEncryptedKeyPem(), "wrong-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot decrypt the key " + pki.clientEncryptedKeyPem() + ": wrong password, or a damaged key");
    }

    @Test
    void anEncryptedKeyWithoutAPasswordAsksForOne() {
        assertThatThrownBy(() -> TlsFiles.privateKey(pki.clientEncryptedKeyPem(), null))
                .hasMessage("the key " + pki.clientEncryptedKeyPem() + " is encrypted; its password is needed"
                        + " (keyPassword)");
    }

    @Test
    void aTraditionalKeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path traditional = dir.resolve("traditional.key");
        Process openssl = new ProcessBuilder(List.of(
                        "openssl",
                        "pkey",
                        "-in",
                        pki.clientKeyPem().toString(),
                        "-traditional",
                        "-out",
                        traditional.toString()))
                .redirectErrorStream(true)
                .start();
        assertThat(openssl.waitFor()).isZero();
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertThatThrownBy(() -> TlsFiles.privateKey(traditional, null))
                .hasMessageContaining("is a 'EC PRIVATE KEY' (not PKCS#8)")
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void aCaFileWithoutCertificatesIsNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");

        assertThatThrownBy(() -> TlsFiles.trustManagers(empty)).hasMessageContaining(empty.toString());
    }
}
