package io.tributary.pipeline.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tributary.api.pipeline.PipelineTemplate;

/** The templates shipped in this bundle ({@code io/tributary/pipeline/template/*.yml}), read once. */
public final class BuiltInTemplates {
    /** Uploaded file → extractor → general chunker → knowledge index (high quality, hybrid). */
    public static final String GENERAL_FILE = "general-file";

    private static final List<PipelineTemplate> ALL = List.of(
            load(GENERAL_FILE, "General document pipeline",
                    "Upload files; their text is extracted, split into general chunks and indexed with offline "
                            + "embeddings (all-MiniLM-L6-v2) for hybrid search."));

    private BuiltInTemplates() {
    }

    /** Every built-in template. */
    public static List<PipelineTemplate> all() {
        return ALL;
    }

    private static PipelineTemplate load(String id, String name, String description) {
        String resource = id + ".yml";
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + resource + " is missing from the bundle");
            }
            return new PipelineTemplate(id, name, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
