package io.tributary.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.javalin.http.Context;

/**
 * Checks {@code Authorization: Bearer <admin token>} against the configured SHA-256 of the admin token, in
 * constant time. The token itself never reaches the framework.
 */
public final class AdminAuth {
    private final byte[] expectedHash;

    public AdminAuth(String tokenSha256Hex) {
        this.expectedHash = tokenSha256Hex == null || tokenSha256Hex.isBlank() ? null
                : HexFormat.of().parseHex(tokenSha256Hex.trim().toLowerCase(Locale.ROOT));
    }

    /** Throws a 401 {@link ApiException} unless the request carries the admin token. */
    public void check(Context ctx) {
        verify(ctx.header("Authorization"));
    }

    /** Throws a 401 {@link ApiException} unless this Authorization header carries the admin token. */
    public void verify(String authorizationHeader) {
        String token = bearer(authorizationHeader);
        if (expectedHash == null || !MessageDigest.isEqual(expectedHash, sha256(token))) {
            throw ApiException.unauthorized("Invalid admin token.");
        }
    }

    /** The bearer token of an Authorization header, or a 401 in Dify's words. */
    public static String bearer(String header) {
        if (header == null || header.isBlank() || header.indexOf(' ') < 0) {
            throw ApiException.unauthorized("Authorization header must be provided and start with 'Bearer'");
        }
        int sp = header.indexOf(' ');
        if (!header.substring(0, sp).equalsIgnoreCase("bearer")) {
            throw ApiException.unauthorized("Authorization scheme must be 'Bearer'");
        }
        String token = header.substring(sp + 1).trim();
        if (token.isEmpty()) {
            throw ApiException.unauthorized("Authorization header must be provided and start with 'Bearer'");
        }
        return token;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
