package io.tributary.api.node;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The file formats an extractor plugin reads, registered as an OSGi service beside its node type. What the
 * knowledge-pipeline file upload accepts is the union over every installed {@code FileFormats}: installing an
 * extractor plugin (an OCR extractor for images, say) widens it, uninstalling it narrows it.
 */
@ConsumerType
public interface FileFormats {
    /** File name extensions this plugin's extractor reads: lower case, without the dot ({@code pdf}, {@code odt}). */
    Set<String> extensions();
}
