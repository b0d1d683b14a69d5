package io.tributary.node.extractor;

import java.io.IOException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;

/**
 * Apache Tika, embedded in this bundle. Tika finds its parsers, detectors and encoding detectors with
 * {@code ServiceLoader}: the {@link TikaConfig} is built from this bundle's class loader (and parses run with it
 * as the thread context class loader, see {@link TextExtractor}), which sees the {@code META-INF/services} files
 * of every embedded Tika module and nothing outside the bundle. Thread-safe; built once per component.
 */
final class TikaParsers {
    private final AutoDetectParser parser;

    TikaParsers(ExtractorLimits limits) {
        ClassLoader loader = TikaParsers.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            parser = new AutoDetectParser(new TikaConfig(loader));
        } catch (TikaException | IOException e) {
            throw new IllegalStateException("cannot set up Apache Tika: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        // POI's zip-bomb guard for OOXML files: a process-wide setting of the POI copy embedded in this bundle.
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntrySize());
    }

    /** How many parsers Tika found (a check that ServiceLoader discovery worked in this class loader). */
    int parserCount() {
        return parser.getParsers().size();
    }

    /** Parses {@code bytes} as {@code format} into text; throws with the reason a file cannot be read. */
    String parse(byte[] bytes, Format format, String filename, ExtractorLimits limits, XhtmlText.Cancel cancel)
            throws ExtractionException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        metadata.set(Metadata.CONTENT_TYPE, format.mimeType);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        XhtmlText handler = new XhtmlText(limits.maxChars(), format == Format.PDF ? limits.maxPdfPages() : 0, cancel);
        try (TikaInputStream in = TikaInputStream.get(bytes, metadata)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("the document is encrypted (password protected)", e);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new ExtractionException(reason(e), e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new ExtractionException("the document is too complex to parse (" + e + ")", e);
        }
        return handler.text();
    }

    /** The most telling message of a parse failure. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XhtmlText.Stop) {
                return t.getMessage();
            }
            if (t instanceof EncryptedDocumentException
                    || t.getClass().getName().endsWith("InvalidPasswordException")) {
                return "the document is encrypted (password protected)";
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb")) {
                return "refused as a possible zip bomb: " + m;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !top.contains(root.getMessage())) {
            return top + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return top;
    }
}
