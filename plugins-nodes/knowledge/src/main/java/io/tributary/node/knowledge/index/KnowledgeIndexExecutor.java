package io.tributary.node.knowledge.index;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.tributary.api.knowledge.ChunkStructure;
import io.tributary.api.knowledge.KnowledgeBase;
import io.tributary.api.knowledge.KnowledgeException;
import io.tributary.api.model.SystemVariables;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.Variables;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.StoreException;

/**
 * Runs one knowledge-index node: reads the chunks, checks them against the chunk structure, and either returns
 * the preview ({@code sys.invoke_from == debugger}, nothing written) or writes the document's segments through
 * the {@link KnowledgeBase}. Failures are {@link NodeExecutionException}s of type {@value #ERROR_TYPE}; the
 * pipeline worker, not this node, sets the document's status.
 */
final class KnowledgeIndexExecutor implements NodeExecutor {
    static final String ERROR_TYPE = "KnowledgeIndexNodeError";

    private final IndexSpec spec;
    private final Supplier<KnowledgeBase> knowledge;
    private final Supplier<DatasetStore> datasets;

    KnowledgeIndexExecutor(IndexSpec spec, Supplier<KnowledgeBase> knowledge, Supplier<DatasetStore> datasets) {
        this.spec = spec;
        this.knowledge = knowledge;
        this.datasets = datasets;
    }

    @Override
    public NodeResult execute(NodeContext ctx) throws NodeExecutionException, InterruptedException {
        Variables vars = ctx.variables();
        String datasetId = sys(vars, SystemVariables.DATASET_ID);
        if (datasetId == null) {
            throw failure("Dataset ID is required.");
        }
        Object raw = vars.get(spec.selector());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("chunks", raw);
        if (Chunks.isEmpty(raw)) {
            throw failure("Chunks is required.");
        }
        boolean preview = SystemVariables.INVOKE_FROM_DEBUGGER.equals(sys(vars, SystemVariables.INVOKE_FROM));
        if (preview) {
            Chunks chunks = chunks(raw, spec.chunkStructure());
            return new NodeResult(inputs, null, ChunkPreview.of(chunks), null, null);
        }
        return new NodeResult(inputs, null, index(vars, datasetId, raw), null, null);
    }

    private Map<String, Object> index(Variables vars, String datasetId, Object raw) throws NodeExecutionException {
        String documentId = sys(vars, SystemVariables.DOCUMENT_ID);
        if (documentId == null) {
            throw failure("Document ID is required.");
        }
        String batch = sys(vars, SystemVariables.BATCH);
        if (batch == null) {
            throw failure("Batch is required.");
        }
        DatasetStore store = datasets.get();
        if (store == null) {
            throw failure("The dataset store is not available.");
        }
        try {
            Dataset dataset = store.dataset(datasetId).orElseThrow(() -> failure("Dataset " + datasetId
                    + " not found."));
            DocumentRecord document = store.document(documentId).orElseThrow(() -> failure("Document " + documentId
                    + " not found."));
            if (!datasetId.equals(document.datasetId())) {
                throw failure("Document " + documentId + " does not belong to dataset " + datasetId + ".");
            }
            ChunkStructure expected = dataset.chunkStructure() == null ? spec.chunkStructure()
                    : ChunkStructure.fromWire(dataset.chunkStructure());
            Chunks chunks = chunks(raw, expected == null ? spec.chunkStructure() : expected);
            String technique = dataset.indexingTechnique() != null ? dataset.indexingTechnique()
                    : spec.indexingTechnique();
            if (chunks.structure() == ChunkStructure.QA_MODEL && !"high_quality".equals(technique)) {
                throw failure("Indexing technique must be high quality.");
            }
            if (chunks.segments().isEmpty()) {
                throw failure("Chunks is required.");
            }
            KnowledgeBase kb = knowledge.get();
            if (kb == null) {
                throw failure("The knowledge base service is not available.");
            }
            kb.indexDocument(datasetId, documentId, chunks.segments());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dataset_id", datasetId);
            out.put("dataset_name", dataset.name());
            out.put("batch", batch);
            out.put("document_id", documentId);
            out.put("document_name", document.name());
            out.put("created_at", epochSeconds(document.createdAt()));
            out.put("display_status", "completed");
            return out;
        } catch (KnowledgeException e) {
            throw failure(e.getMessage(), e);
        } catch (StoreException e) {
            throw failure("The store failed: " + e.getMessage(), e);
        }
    }

    /** Parses the chunks and checks they have the structure the knowledge base expects. */
    private static Chunks chunks(Object raw, ChunkStructure expected) throws NodeExecutionException {
        Chunks chunks;
        try {
            chunks = Chunks.parse(raw);
        } catch (Chunks.InvalidChunksException e) {
            throw failure(e.getMessage());
        }
        if (chunks.structure() != expected) {
            throw failure("Chunk structure mismatch: the knowledge base expects " + expected.wireName() + " ("
                    + Chunks.shape(expected) + ") but the chunks are " + chunks.structure().wireName() + " ("
                    + Chunks.shape(chunks.structure()) + ").");
        }
        return chunks;
    }

    private static double epochSeconds(Instant t) {
        Instant at = t == null ? Instant.now() : t;
        return at.getEpochSecond() + at.getNano() / 1e9;
    }

    private static String sys(Variables vars, String name) {
        Object v = vars.get(List.of(SystemVariables.NODE_ID, name));
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
    }

    private static NodeExecutionException failure(String message) {
        return failure(message, null);
    }

    private static NodeExecutionException failure(String message, Throwable cause) {
        return new NodeExecutionException(message, ERROR_TYPE, cause);
    }
}
