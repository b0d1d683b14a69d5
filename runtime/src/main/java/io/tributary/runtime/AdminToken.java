package io.tributary.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The admin token: configured ({@code admin.token}), or generated on first start and kept in
 * {@code <data>/admin.token} readable by the owner only. Only its SHA-256 reaches the framework.
 */
final class AdminToken {
    static final String FILE_NAME = "admin.token";

    /** The token and whether it was generated just now (so it must be shown once). */
    record Token(String value, boolean generated) {
        String sha256() {
            return AdminToken.sha256(value);
        }
    }

    private AdminToken() {
    }

    static Token resolve(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return new Token(configured.trim(), false);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.isEmpty()) {
                return new Token(stored, false);
            }
        }
        Files.createDirectories(dataDir);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = "tba-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // an empty file left by an interrupted start: overwrite it below
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return new Token(token, true);
    }

    static String sha256(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
