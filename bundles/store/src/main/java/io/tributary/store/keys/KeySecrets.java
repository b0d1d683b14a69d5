package io.tributary.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.tributary.api.store.dto.KeyKind;

/** Makes key secrets and the values stored in their place: hash and display hint. No database here. */
final class KeySecrets {
    /** Longer input is rejected before any work: no real key comes near it. */
    static final int MAX_LENGTH = 200;
    /** 256 random bits, 43 URL-safe base64 characters. */
    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** A new secret: the kind's prefix, then random URL-safe base64 without padding. */
    String newSecret(KeyKind kind) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of the whole secret, prefix included. */
    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Prefix, first four and last four characters of the random part: {@code app-AbCd...wXyZ}. */
    static String hint(KeyKind kind, String secret) {
        String body = secret.substring(kind.prefix().length());
        return kind.prefix() + body.substring(0, 4) + "..." + body.substring(body.length() - 4);
    }

    /**
     * The kind a presented secret claims by its prefix, if it is well-formed at all: not blank, not longer than
     * {@link #MAX_LENGTH}, a known prefix followed by URL-safe base64 characters only.
     */
    static Optional<KeyKind> kindOf(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (KeyKind kind : KeyKind.values()) {
            if (secret.startsWith(kind.prefix())) {
                return isUrlSafeBase64(secret, kind.prefix().length()) ? Optional.of(kind) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isUrlSafeBase64(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
