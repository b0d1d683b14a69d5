package io.tributary.http.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.store.dto.AppVersion;

/**
 * Parsed published versions by workflow id. A version never changes, so parsing its YAML once is enough; the
 * cache keeps the most recently used versions only.
 */
public final class PublishedGraphs {
    private static final int MAX_ENTRIES = 256;

    private final Map<String, DslDocument> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DslDocument> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The parsed document of that version. */
    public DslDocument document(AppVersion version, DslImporter importer) throws DslImportException {
        synchronized (cache) {
            DslDocument d = cache.get(version.workflowId());
            if (d != null) {
                return d;
            }
        }
        DslDocument parsed = importer.parse(version.dsl());
        synchronized (cache) {
            cache.put(version.workflowId(), parsed);
        }
        return parsed;
    }
}
