package io.tributary.store.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tributary.api.store.FileStore;
import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.StoreException;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.store.db.Database;

/**
 * Uploaded files. The content is streamed to a temporary file next to the blobs while it is hashed and counted
 * (so a too-large upload stops at {@code maxBytes + 1} bytes and leaves nothing behind), forced to disk, and
 * moved atomically to {@code <data.dir>/files/<first two hex digits>/<sha256>}; a blob that already exists is
 * reused, so identical content is stored once. The metadata row is inserted after the blob is durable.
 */
@Component(service = FileStore.class, configurationPid = Database.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcFileStore implements FileStore {
    private static final String COLUMNS = "id, name, size, extension, mime_type, sha256, created_by, created_at, owner_scope";
    private static final int BUFFER = 64 * 1024;

    /** The part of the store configuration this component reads (same PID as {@link Database}). */
    @ObjectClassDefinition(name = "Tributary file store")
    public @interface Config {
        @AttributeDefinition(name = "Data directory", required = false,
                description = "Files go to <data.dir>/files; empty: the framework property tributary.data.dir, "
                        + "else the bundle's data area")
        String data_dir() default "";
    }

    private final DataSource db;
    private final Path root;

    @Activate
    public JdbcFileStore(@Reference Database database, BundleContext ctx, Config config) {
        this(database, filesDir(config, ctx));
    }

    /** A store keeping its blobs under {@code root} (created when missing). */
    public JdbcFileStore(Database database, Path root) {
        this.db = database.dataSource();
        this.root = root.toAbsolutePath().normalize();
    }

    static Path filesDir(Config config, BundleContext ctx) {
        return Database.dataDir(config.data_dir(), ctx).resolve("files");
    }

    /** Where the blobs live. */
    public Path root() {
        return root;
    }

    @Override
    public UploadFile save(String name, String mimeType, String createdBy, String scope, InputStream content,
                           long maxBytes)
            throws IOException {
        Objects.requireNonNull(content, "content");
        if (name == null || name.isBlank() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("A file name without any path is required, got '" + name + "'");
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        Files.createDirectories(root);
        Path temp = Files.createTempFile(root, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = copy(content, temp, sha, maxBytes);
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = blob(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp); // identical content is already stored
            } else {
                move(temp, target);
            }
            String ext = MimeTypes.extension(name);
            UploadFile file = new UploadFile(io.tributary.api.model.TimeOrderedIds.next(), truncate(name, 255), size, truncate(ext, 32),
                    truncate(MimeTypes.of(mimeType, ext), 255), hash, truncate(createdBy == null ? "" : createdBy, 255),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), scope == null ? "" : scope);
            insert(file);
            return file;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies at most {@code maxBytes} bytes, hashing them, and forces them to disk. */
    private static long copy(InputStream in, Path temp, MessageDigest sha, long maxBytes) throws IOException {
        long size = 0;
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf, 0, want(buf.length, maxBytes - size))) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
            out.flush();
            ch.force(true);
        }
        return size;
    }

    /** How much to read next: a full buffer, or just one byte more than the room left (to detect the excess). */
    private static int want(int buffer, long room) {
        return room >= buffer ? buffer : (int) room + 1;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void insert(UploadFile f) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO upload_files (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, f.id());
            ps.setString(2, f.name());
            ps.setLong(3, f.size());
            ps.setString(4, f.extension());
            ps.setString(5, f.mimeType());
            ps.setString(6, f.sha256());
            ps.setString(7, f.createdBy());
            ps.setObject(8, f.createdAt().atOffset(ZoneOffset.UTC));
            ps.setString(9, f.scope());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not record upload '" + f.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<UploadFile> file(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM upload_files WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UploadFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read upload " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        UploadFile f = file(id).orElseThrow(() -> new FileNotFoundException("No uploaded file " + id));
        try {
            return Files.newInputStream(blob(f.sha256()));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("The content of uploaded file " + id + " is missing: " + e.getMessage());
        }
    }

    private Path blob(String sha256Hex) {
        return root.resolve(sha256Hex.substring(0, 2)).resolve(sha256Hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
