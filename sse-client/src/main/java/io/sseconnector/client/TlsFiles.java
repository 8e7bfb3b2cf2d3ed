package io.sseconnector.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust and key material from files, with the JDK only: the one TLS loader of the SSE client and
 * the connector's MQTT client. A PEM CA bundle; a client identity as a PEM certificate chain with
 * its PKCS#8 key ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE KEY} with a
 * password, as {@code openssl pkcs8 -topk8} writes it), or as a PKCS#12 store.
 *
 * <p>Failures are {@link IllegalArgumentException}s naming the file and what is wrong with it,
 * never a password.
 */
public final class TlsFiles {
    private static final Pattern PEM = Pattern.compile("(?s)-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----");
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";
    /** The OID of PBES2, which some JDKs report as the algorithm instead of its parameters' name. */
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";

    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS", "XDH"};

    private TlsFiles() {}

    /** Trusts the certificates in {@code caFile}; the JDK's trust store when it is {@code null}. */
    public static TrustManagerFactory trustManagers(Path caFile) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                factory.init((KeyStore) null);
                return factory;
            }
            KeyStore store = emptyStore();
            List<Certificate> certificates = certificates(caFile);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no PEM certificate in " + caFile);
            }
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read the CA bundle " + caFile + ": " + describe(e), e);
        }
    }

    /**
     * The client identity of a PEM certificate chain and its PKCS#8 key.
     *
     * @param keyPassword the key's password when it is encrypted; ignored for an unencrypted key
     */
    public static KeyManagerFactory keyManagers(Path certFile, Path keyFile, String keyPassword) {
        List<Certificate> chain;
        try {
            chain = certificates(certFile);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read the certificate " + certFile + ": " + describe(e), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate in " + certFile);
        }
        PrivateKey key = privateKey(keyFile, keyPassword);
        try {
            KeyStore store = emptyStore();
            char[] none = new char[0];
            store.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, none);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "the key " + keyFile + " does not go with the certificate " + certFile + ": " + describe(e), e);
        }
    }

    /** The client identity in a PKCS#12 store. */
    public static KeyManagerFactory pkcs12(Path file, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, secret);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
            throw new IllegalArgumentException(
                    "cannot read the PKCS#12 store " + file + " (wrong password, or not PKCS#12): " + describe(e), e);
        }
    }

    /** The PKCS#8 private key in a PEM file, decrypted with {@code password} when it is encrypted. */
    static PrivateKey privateKey(Path file, String password) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the key " + file + ": " + References.reason(e), e);
        }
        Matcher block = PEM.matcher(pem);
        while (block.find()) {
            String type = block.group(1);
            if (!type.endsWith(PKCS8)) {
                continue; // a certificate next to the key, say
            }
            if (type.equals(PKCS8)) {
                return decode(new PKCS8EncodedKeySpec(base64(block.group(2), file)), file);
            }
            if (type.equals(ENCRYPTED_PKCS8)) {
                return decode(decrypt(base64(block.group(2), file), password, file), file);
            }
            throw new IllegalArgumentException("the key " + file + " is a '" + type
                    + "' (not PKCS#8); convert it with: openssl pkcs8 -topk8 -in KEY -out KEY.pk8"
                    + " (add -nocrypt to leave it unencrypted)");
        }
        throw new IllegalArgumentException(
                "no PEM private key in " + file + " (expected BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
    }

    private static byte[] base64(String text, Path file) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key " + file + " is not valid PEM (bad base64)", e);
        }
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, String password, Path file) {
        if (password == null) {
            throw new IllegalArgumentException(
                    "the key " + file + " is encrypted; its password is needed (keyPassword)");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            String algorithm = info.getAlgName();
            if (algorithm.equals("PBES2") || algorithm.equals(PBES2_OID)) {
                // "PBEWithHmacSHA256AndAES_256": the name SecretKeyFactory and Cipher know PBES2 by.
                algorithm = parameters.toString();
            }
            SecretKeyFactory keys = SecretKeyFactory.getInstance(algorithm);
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray());
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, keys.generateSecret(spec), parameters);
            spec.clearPassword();
            return info.getKeySpec(cipher);
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException(
                    "cannot decrypt the key " + file + ": wrong password, or a damaged key", e);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot decrypt the key " + file + ": " + describe(e), e);
        }
    }

    private static PrivateKey decode(PKCS8EncodedKeySpec spec, Path file) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // next: PKCS#8 names the algorithm inside, but KeyFactory wants it up front
            }
        }
        throw new IllegalArgumentException("the key " + file + " is not an RSA, EC or EdDSA PKCS#8 key");
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static String describe(Exception e) {
        if (e instanceof IOException io && !(e.getCause() instanceof GeneralSecurityException)) {
            String reason = References.reason(io);
            if (!reason.equals(e.getClass().getSimpleName())) {
                return reason;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replace('\n', ' ');
    }
}
