package io.tributary.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open indexes, one directory per dataset under a root ({@code <data.dir>/knowledge/<dataset id>/}). An index
 * is opened on first use and stays open until {@link #delete} or {@link #close}.
 */
public final class DatasetIndexes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetIndexes.class);
    /** Dataset ids become directory names: letters, digits, '-' and '_' only. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Path root;
    private final Map<String, DatasetIndex> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public DatasetIndexes(Path root) {
        this.root = root;
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** The dataset's index, created when missing. */
    public DatasetIndex get(String datasetId) {
        Path dir = dir(datasetId);
        if (closed) {
            throw new IllegalStateException("The knowledge indexes are closed");
        }
        return open.computeIfAbsent(datasetId, id -> {
            try {
                Files.createDirectories(dir);
                return new DatasetIndex(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not open the index in " + dir, e);
            }
        });
    }

    /** The dataset's index if it exists on disk (opening it), else {@code null}. */
    public DatasetIndex existing(String datasetId) {
        DatasetIndex index = open.get(datasetId);
        if (index != null) {
            return index;
        }
        return Files.isDirectory(dir(datasetId)) ? get(datasetId) : null;
    }

    /** Closes and deletes the dataset's index; false when there was none. */
    public boolean delete(String datasetId) {
        Path dir = dir(datasetId);
        DatasetIndex index = open.remove(datasetId);
        if (index != null) {
            index.close();
        }
        if (!Files.exists(dir)) {
            return index != null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the index in " + dir, e);
        }
        return true;
    }

    private Path dir(String datasetId) {
        if (datasetId == null || !SAFE_ID.matcher(datasetId).matches()) {
            throw new IllegalArgumentException("Not a dataset id: " + datasetId);
        }
        return root.resolve(datasetId);
    }

    @Override
    public void close() {
        closed = true;
        for (Map.Entry<String, DatasetIndex> e : open.entrySet()) {
            try {
                e.getValue().close();
            } catch (RuntimeException ex) {
                LOG.warn("Closing the index of dataset {} failed: {}", e.getKey(), ex.toString());
            }
        }
        open.clear();
    }
}
