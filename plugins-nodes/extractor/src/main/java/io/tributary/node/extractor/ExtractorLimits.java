package io.tributary.node.extractor;

import java.time.Duration;

/**
 * The limits one extraction runs under.
 *
 * @param maxBytes       largest file read, in bytes (larger files fail before parsing)
 * @param maxChars       most characters of text produced per file (more fails the file)
 * @param maxPdfPages    most PDF pages (more fails the file)
 * @param minInflateRatio smallest compressed/uncompressed ratio of a ZIP entry (OOXML, EPUB) before it counts as
 *                       a zip bomb (POI's {@code ZipSecureFile})
 * @param maxEntrySize   largest uncompressed ZIP entry of an OOXML file, in bytes
 * @param timeout        longest time one file may take to parse
 * @param remoteTimeout  connect and read timeout of a remote_url download
 */
record ExtractorLimits(long maxBytes, long maxChars, int maxPdfPages, double minInflateRatio, long maxEntrySize,
                       Duration timeout, Duration remoteTimeout) {

    static ExtractorLimits of(DocumentExtractorNodeType.Config c) {
        return new ExtractorLimits(c.max_file_bytes(), c.max_text_chars(), c.max_pdf_pages(), c.min_inflate_ratio(),
                c.max_zip_entry_bytes(), Duration.ofSeconds(c.parse_timeout_seconds()),
                Duration.ofSeconds(c.remote_timeout_seconds()));
    }

    /** The shipped defaults (the same as the configuration's). */
    static ExtractorLimits defaults() {
        return new ExtractorLimits(50L * 1024 * 1024, 50L * 1024 * 1024, 2000, 0.01, 1024L * 1024 * 1024,
                Duration.ofSeconds(120), Duration.ofSeconds(30));
    }
}
