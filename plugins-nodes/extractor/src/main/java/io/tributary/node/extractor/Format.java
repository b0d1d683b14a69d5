package io.tributary.node.extractor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The supported formats and how a file is mapped to one: by its MIME type first, then by its extension (as
 * Dify's document extractor does). A generic MIME type ({@code application/octet-stream}, {@code text/plain})
 * gives way to a known extension, because browsers and clients send those for files they do not know.
 */
enum Format {
    TEXT("text/plain", false),
    MARKDOWN("text/markdown", false),
    HTML("text/html", true),
    XML("application/xml", false),
    PDF("application/pdf", true),
    DOC("application/msword", true),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true),
    CSV("text/csv", false),
    TSV("text/tab-separated-values", false),
    XLS("application/vnd.ms-excel", true),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true),
    PPT("application/vnd.ms-powerpoint", true),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", true),
    EPUB("application/epub+zip", true),
    ODT("application/vnd.oasis.opendocument.text", true),
    ODS("application/vnd.oasis.opendocument.spreadsheet", true),
    ODP("application/vnd.oasis.opendocument.presentation", true),
    RTF("application/rtf", true),
    EML("message/rfc822", true),
    MSG("application/vnd.ms-outlook", true),
    JSON("application/json", false),
    YAML("application/x-yaml", false),
    VTT("text/vtt", false),
    PROPERTIES("text/x-java-properties", false);

    /** The MIME type handed to Tika as a hint. */
    final String mimeType;
    /** Whether Tika parses it (else it is decoded as text and converted here). */
    final boolean tika;

    Format(String mimeType, boolean tika) {
        this.mimeType = mimeType;
        this.tika = tika;
    }

    private static final Set<String> GENERIC_TYPES = Set.of("", "application/octet-stream", "binary/octet-stream",
            "text/plain", "application/unknown", "application/x-download");
    private static final Map<String, Format> BY_MIME = new HashMap<>();
    private static final Map<String, Format> BY_EXTENSION = new HashMap<>();

    static {
        for (Format f : values()) {
            BY_MIME.put(f.mimeType, f);
        }
        mime(TEXT, "text/plain");
        mime(MARKDOWN, "text/x-markdown");
        mime(HTML, "text/htm", "application/xhtml+xml");
        mime(XML, "text/xml");
        mime(XLS, "application/excel", "application/x-excel");
        mime(YAML, "text/yaml", "text/x-yaml", "application/yaml");
        mime(PROPERTIES, "text/properties");
        mime(RTF, "text/rtf");
        // MHTML is a MIME message (multipart/related): Tika's RFC 822 parser reads it and its HTML parts
        mime(EML, "multipart/related", "application/x-mimearchive");
        mime(TEXT, "application/jsonl", "application/x-ndjson", "text/x-rst", "text/x-asciidoc", "text/x-log");
        ext(TEXT, ".txt", ".text", ".log", ".ini", ".conf", ".cfg", ".toml", ".sql", ".sh", ".bat", ".c", ".h",
                ".cpp", ".hpp", ".cc", ".cs", ".java", ".kt", ".scala", ".go", ".rs", ".py", ".rb", ".php", ".pl",
                ".js", ".mjs", ".ts", ".tsx", ".jsx", ".css", ".scss", ".swift", ".r", ".lua", ".tex", ".rst",
                ".adoc", ".asciidoc", ".srt", ".jsonl", ".ndjson");
        ext(MARKDOWN, ".md", ".markdown", ".mdx");
        ext(HTML, ".html", ".htm", ".xhtml");
        ext(XML, ".xml");
        ext(PDF, ".pdf");
        ext(DOC, ".doc");
        ext(DOCX, ".docx");
        ext(CSV, ".csv");
        ext(TSV, ".tsv");
        ext(XLS, ".xls");
        ext(XLSX, ".xlsx");
        ext(PPT, ".ppt");
        ext(PPTX, ".pptx");
        ext(EPUB, ".epub");
        ext(EML, ".eml", ".mht", ".mhtml");
        ext(ODT, ".odt");
        ext(ODS, ".ods");
        ext(ODP, ".odp");
        ext(RTF, ".rtf");
        ext(MSG, ".msg");
        ext(JSON, ".json");
        ext(YAML, ".yaml", ".yml");
        ext(VTT, ".vtt");
        ext(PROPERTIES, ".properties");
    }

    private static void mime(Format f, String... types) {
        for (String t : types) {
            BY_MIME.put(t, f);
        }
    }

    private static void ext(Format f, String... extensions) {
        for (String e : extensions) {
            BY_EXTENSION.put(e, f);
        }
    }

    /** Every extension a format is known by: lower case, without the dot. */
    static Set<String> extensions() {
        Set<String> all = new java.util.TreeSet<>();
        for (String e : BY_EXTENSION.keySet()) {
            all.add(e.substring(1));
        }
        return java.util.Collections.unmodifiableSet(all);
    }

    /** The format of a file, or a clear error naming its MIME type and extension. */
    static Format of(DifyFile file) throws ExtractionException {
        Format byMime = BY_MIME.get(file.mimeType());
        Format byExtension = BY_EXTENSION.get(file.extension());
        if (byMime != null && !(GENERIC_TYPES.contains(file.mimeType()) && byExtension != null)) {
            return byMime;
        }
        if (byExtension != null) {
            return byExtension;
        }
        if (file.mimeType().isEmpty() && file.extension().isEmpty()) {
            throw new ExtractionException("Unable to determine file type: MIME type or file extension is missing");
        }
        throw new ExtractionException("Unsupported file type (MIME type '" + file.mimeType() + "', extension '"
                + file.extension() + "')");
    }
}
