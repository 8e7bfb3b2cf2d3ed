package io.sseconnector.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * Requires {@code Authorization: Bearer TOKEN} (RFC 6750) before a handler runs; anything else gets
 * 401 with {@code WWW-Authenticate: Bearer}. The token is compared in constant time: both sides are
 * hashed with SHA-256 and the digests compared with {@link MessageDigest#isEqual}, so neither the
 * token's content nor its length shows in the time an answer takes. The token is kept only as its
 * digest and never appears in a response or a log line.
 */
public final class BearerAuth {
    private static final String SCHEME = "bearer";

    private final byte[] digest;
    private final String realm;

    private BearerAuth(String token, String realm) {
        this.digest = sha256(token);
        this.realm = realm;
    }

    /**
     * @param token what clients must send after {@code Bearer }; one non-empty word
     * @param realm names the protected area in {@code WWW-Authenticate}, e.g. {@code admin}
     */
    public static BearerAuth of(String token, String realm) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(realm, "realm");
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException("a bearer token is one non-empty word without spaces");
        }
        return new BearerAuth(token, realm);
    }

    /** Whether the request carries the token. */
    public boolean allows(Request request) {
        String header = request.header("Authorization");
        if (header == null) {
            return false;
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(value.substring(space + 1).strip()));
    }

    /** {@code handler} behind the token: 401 for a request without it. */
    public RequestHandler protect(RequestHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> allows(request) ? handler.handle(request) : unauthorized(request);
    }

    /** 401 with the challenge; {@code error="invalid_token"} when a token was sent but is not the one. */
    private Response unauthorized(Request request) {
        boolean sent = request.header("Authorization") != null;
        String challenge = "Bearer realm=\"" + realm + "\"" + (sent ? ", error=\"invalid_token\"" : "");
        String message = sent
                ? "the bearer token is not valid"
                : "this endpoint needs a bearer token: send Authorization: Bearer TOKEN";
        return Response.json(401, "{\"error\":\"" + message + "\"}").withHeader("WWW-Authenticate", challenge);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerAuth[realm=" + realm + "]";
    }
}
