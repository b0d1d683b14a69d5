package io.tributary.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;

/**
 * The one multipart reader of every upload route ({@code /v1/files/upload}, {@code /v1/datasets/pipeline/file-upload},
 * {@code /admin/v1/apps}, {@code /admin/v1/datasets}, {@code /admin/v1/plugins}). Whatever is wrong with a body
 * is the client's fault and answers in the envelope, never 500:
 * <ul>
 * <li>not {@code multipart/form-data}, or no part {@code file}: 400 {@code no_file_uploaded};</li>
 * <li>more than one file: 400 {@code too_many_files};</li>
 * <li>a file part without a file name: 400 {@code filename_not_exists_error};</li>
 * <li>a file name with control characters (NUL...) or longer than {@value #MAX_NAME_CHARS} characters, no
 * boundary, a wrong boundary, a truncated body, oversized part headers, anything Jetty's parser refuses:
 * 400 {@code invalid_param};</li>
 * <li>a file over the route's limit (announced by {@code Content-Length} or found while parsing): 413
 * {@code file_too_large}.</li>
 * </ul>
 * Parts up to {@value #MEMORY_THRESHOLD} bytes stay in memory; larger ones are spooled to the spool directory and
 * deleted when the {@link Form} is closed. The spool holds only in-flight parts, so {@link #sweep} empties it on
 * start (files left by a killed process).
 */
public final class Uploads {
    /** Jetty's per-request multipart configuration attribute (Javalin sets its own only when absent). */
    static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Room for the multipart framing and small fields on top of the file itself. */
    public static final long ENVELOPE_BYTES = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones are spooled to a temporary file by Jetty. */
    static final int MEMORY_THRESHOLD = 256 * 1024;
    /** Longest file name accepted (Dify stores names of up to 255 characters). */
    public static final int MAX_NAME_CHARS = 255;

    private final String spoolDir;
    private final long maxRequestBytes;

    /**
     * @param spoolDir        where parts over {@value #MEMORY_THRESHOLD} bytes are spooled
     * @param maxRequestBytes the file limit of routes without their own ({@link #read(Context)})
     */
    public Uploads(Path spoolDir, long maxRequestBytes) {
        this.spoolDir = spoolDir.toString();
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Whether the request says it is {@code multipart/form-data} (routes that also take a raw body ask first). */
    public static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** {@link #read(Context, long)} with the server's request limit (DSL and bundle uploads). */
    public Form read(Context ctx) {
        return read(ctx, maxRequestBytes - ENVELOPE_BYTES);
    }

    /**
     * Parses the multipart body with files of at most {@code maxFileBytes}; close the form when done.
     *
     * @throws ApiException 400 or 413 as listed above
     */
    public Form read(Context ctx, long maxFileBytes) {
        if (!isMultipart(ctx)) {
            throw noFile();
        }
        long total = maxFileBytes + ENVELOPE_BYTES;
        if (ctx.contentLength() > total) {
            throw tooLarge(maxFileBytes);
        }
        ctx.req().setAttribute(MULTIPART_CONFIG,
                new MultipartConfigElement(spoolDir, maxFileBytes, total, MEMORY_THRESHOLD));
        Collection<Part> parts;
        try {
            parts = ctx.req().getParts();
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            if (sizeExceeded(e)) {
                throw tooLarge(maxFileBytes); // drained by the error mapper before it answers
            }
            // read what the parser left, then close: Jetty would otherwise drop a connection with unread content
            // after the answer, and a client reusing it would see it vanish under its next request
            ErrorMapper.drain(ctx, total);
            ctx.header("Connection", "close");
            throw ApiException.badRequest("invalid_param", "The multipart body cannot be read.");
        }
        return new Form(List.copyOf(parts));
    }

    /** Deletes what a previous process left in the spool directory. */
    public static int sweep(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the upload spool directory " + dir, e);
        }
        return deleted;
    }

    static ApiException noFile() {
        return ApiException.badRequest("no_file_uploaded", "Please upload your file.");
    }

    public static ApiException tooLarge(long maxFileBytes) {
        return new ApiException(413, "file_too_large", "File size exceeded. The limit is " + maxFileBytes + " bytes.");
    }

    /**
     * Jetty's multipart parser says "max file size exceeded" (a part) or "max length exceeded" (the body) somewhere
     * in the chain; "headers max length exceeded" is a part header over Jetty's limit, a malformed body.
     */
    static boolean sizeExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                m = m.toLowerCase(Locale.ROOT);
                if (m.contains("headers max length exceeded")) {
                    return false; // a part's headers (a 10,000-character file name): malformed, not large
                }
                if (m.contains("max file size exceeded") || m.contains("max length exceeded")
                        || m.contains("max request size")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A parsed multipart body: its file parts and small fields. Closing it deletes spooled parts. */
    public static final class Form implements AutoCloseable {
        private final List<Part> parts;
        private final List<Part> files = new ArrayList<>();

        Form(List<Part> parts) {
            this.parts = parts;
            for (Part p : parts) {
                if (p.getSubmittedFileName() != null || "file".equals(p.getName())) {
                    files.add(p);
                }
            }
        }

        /**
         * The one file of the form, sent as the part {@code field}: 400 {@code no_file_uploaded} without it, 400
         * {@code too_many_files} with more than one file, 400 {@code filename_not_exists_error} without a name,
         * 400 {@code invalid_param} for a name with control characters or too long.
         */
        public FilePart single(String field) {
            if (files.stream().noneMatch(p -> field.equals(p.getName()))) {
                throw noFile();
            }
            if (files.size() > 1) {
                throw ApiException.badRequest("too_many_files", "Only one file is allowed.");
            }
            Part p = files.get(0);
            return new FilePart(p, checkedName(p.getSubmittedFileName()));
        }

        /** The text of a non-file field, at most {@code maxBytes} bytes of it, trimmed; {@code null} if absent. */
        public String field(String name, int maxBytes) {
            for (Part p : parts) {
                if (name.equals(p.getName()) && p.getSubmittedFileName() == null) {
                    try (InputStream in = p.getInputStream()) {
                        return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8).trim();
                    } catch (IOException e) {
                        throw ApiException.badRequest("invalid_param", "The multipart body cannot be read.");
                    }
                }
            }
            return null;
        }

        @Override
        public void close() {
            for (Part p : parts) {
                try {
                    p.delete();
                } catch (IOException | RuntimeException e) {
                    // a part Jetty could not remove; the spool is swept on the next start
                }
            }
        }
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("filename_not_exists_error", "The specified filename does not exist.");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw ApiException.badRequest("invalid_param",
                    "The file name is longer than " + MAX_NAME_CHARS + " characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw ApiException.badRequest("invalid_param", "Filename contains invalid characters.");
            }
        }
        return name;
    }

    /** One uploaded file: its checked name, declared type and content. */
    public record FilePart(Part part, String name) {
        /** The declared content type, {@code null} when absent or blank. */
        public String contentType() {
            String t = part.getContentType();
            return t == null || t.isBlank() ? null : t;
        }

        public long size() {
            return part.getSize();
        }

        public InputStream open() throws IOException {
            return part.getInputStream();
        }
    }
}
