package io.tributary.pipeline.definition;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.dsl.DslImportException;
import io.tributary.api.store.dto.DatasetVersion;

/**
 * Parsed published versions by workflow id. A version never changes, so parsing its YAML once is enough; the
 * most recently used versions are kept.
 */
public final class PublishedPipelines {
    private static final int MAX_ENTRIES = 128;

    private final PipelineDsl dsl;
    private final Map<String, PipelineDefinition> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PipelineDefinition> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public PublishedPipelines(PipelineDsl dsl) {
        this.dsl = dsl;
    }

    /** The parsed pipeline of a published version. */
    public PipelineDefinition of(DatasetVersion version) throws DslImportException {
        synchronized (cache) {
            PipelineDefinition d = cache.get(version.workflowId());
            if (d != null) {
                return d;
            }
        }
        PipelineDefinition parsed = dsl.read(version.dsl());
        synchronized (cache) {
            cache.put(version.workflowId(), parsed);
        }
        return parsed;
    }
}
