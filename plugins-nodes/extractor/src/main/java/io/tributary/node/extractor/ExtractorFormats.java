package io.tributary.node.extractor;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.node.FileFormats;

/**
 * The file extensions this extractor reads ({@link Format}'s table), published so the knowledge-pipeline upload
 * accepts exactly these. No OCR here: images are not among them.
 */
@Component(service = FileFormats.class)
public final class ExtractorFormats implements FileFormats {
    @Override
    public Set<String> extensions() {
        return Format.extensions();
    }
}
