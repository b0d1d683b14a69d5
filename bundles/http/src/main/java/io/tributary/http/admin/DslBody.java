package io.tributary.http.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.tributary.api.dsl.DslImporter;
import io.tributary.http.ApiException;

/** Reads a DSL upload of the admin API (apps and datasets): the request body or the multipart field {@code file}. */
final class DslBody {
    private DslBody() {
    }

    /** The DSL from the body or from the multipart field {@code file}, at most {@link DslImporter#MAX_SIZE}. */
    static String text(Context ctx) throws IOException {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        byte[] bytes;
        if (contentType.startsWith("multipart/")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw ApiException.badRequest("no_file_uploaded", "Upload the DSL as the multipart field 'file'.");
            }
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(DslImporter.MAX_SIZE + 1);
            }
        } else {
            try (InputStream in = ctx.bodyInputStream()) {
                bytes = in.readNBytes(DslImporter.MAX_SIZE + 1);
            }
        }
        if (bytes.length > DslImporter.MAX_SIZE) {
            throw ApiException.badRequest("invalid_dsl", "The DSL is larger than " + DslImporter.MAX_SIZE + " bytes.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("invalid_param",
                    "Send the DSL YAML as the request body or as the multipart field 'file'.");
        }
        return text;
    }
}
