package io.tributary.node.extractor;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns one file's bytes into text, by format: Tika for documents, the converters of this package for text and
 * data formats. Every conversion runs on a parser thread of this class (its context class loader is this
 * bundle's, for Tika's ServiceLoader lookups) and is abandoned after the timeout: the caller gets the error at
 * once, and the parser thread is interrupted and stops at the next piece of text it emits.
 */
final class TextExtractor implements AutoCloseable {
    private final TikaParsers tika;
    private final ExecutorService parsers;

    TextExtractor(TikaParsers tika) {
        this.tika = tika;
        ClassLoader loader = TextExtractor.class.getClassLoader();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "document-extractor-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
        this.parsers = Executors.newCachedThreadPool(factory);
    }

    /**
     * @param deadline the node's deadline ({@link Instant#MAX} when none); the parse timeout is cut to it
     */
    String extract(DifyFile file, byte[] bytes, ExtractorLimits limits, Instant deadline)
            throws ExtractionException, InterruptedException {
        Format format = Format.of(file);
        if ((format == Format.DOCX || format == Format.XLSX || format == Format.PPTX) && StrictOoxml.is(bytes)) {
            throw new ExtractionException(StrictOoxml.MESSAGE);
        }
        Duration timeout = limits.timeout();
        if (deadline != null && !deadline.equals(Instant.MAX)) {
            Duration left = Duration.between(Instant.now(), deadline);
            timeout = left.compareTo(timeout) < 0 ? left : timeout;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<String> task = parsers.submit(() -> convert(format, bytes, file.filename(), limits, cancelled::get));
        try {
            String text = task.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (text.length() > limits.maxChars()) {
                throw new ExtractionException("the text is longer than the limit of " + limits.maxChars()
                        + " characters");
            }
            return text;
        } catch (TimeoutException e) {
            cancelled.set(true);
            task.cancel(true);
            throw new ExtractionException("parsing took longer than the limit of " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            cancelled.set(true);
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException x) {
                throw x;
            }
            throw new ExtractionException(TikaParsers.reason(cause), cause);
        }
    }

    private String convert(Format format, byte[] bytes, String filename, ExtractorLimits limits,
                           XhtmlText.Cancel cancel) throws ExtractionException {
        if (format.tika) {
            return tika.parse(bytes, format, filename, limits, cancel);
        }
        return switch (format) {
            case TEXT, MARKDOWN, XML -> PlainText.decode(bytes);
            case CSV -> CsvText.of(bytes);
            case TSV -> CsvText.tsv(bytes);
            case JSON -> DataText.json(bytes);
            case YAML -> DataText.yaml(bytes, limits.maxChars());
            case VTT -> VttText.of(bytes);
            case PROPERTIES -> PropertiesText.of(bytes);
            default -> throw new IllegalStateException("no converter for " + format);
        };
    }

    @Override
    public void close() {
        parsers.shutdownNow();
    }
}
