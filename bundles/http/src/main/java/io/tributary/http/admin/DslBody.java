package io.tributary.http.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.javalin.http.Context;
import io.tributary.api.dsl.DslImporter;
import io.tributary.http.ApiException;
import io.tributary.http.Uploads;

/** Reads a DSL upload of the admin API (apps and datasets): the request body or the multipart field {@code file}. */
final class DslBody {
    private DslBody() {
    }

    /** The DSL from the body or from the multipart field {@code file}, at most {@link DslImporter#MAX_SIZE}, in
     * UTF-8 (other bytes are a 400 {@code invalid_dsl}). */
    static String text(Context ctx, Uploads uploads) throws IOException {
        byte[] bytes;
        if (Uploads.isMultipart(ctx)) {
            try (Uploads.Form form = uploads.read(ctx); InputStream in = form.single("file").open()) {
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
        String text;
        try { // never a silent U+FFFD: a DSL that is not UTF-8 would import with its text changed
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_dsl", "The DSL is not UTF-8 text.");
        }
        if (text.isBlank()) {
            throw ApiException.badRequest("invalid_param",
                    "Send the DSL YAML as the request body or as the multipart field 'file'.");
        }
        return text;
    }
}
