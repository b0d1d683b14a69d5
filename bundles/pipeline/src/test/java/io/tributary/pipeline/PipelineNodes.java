package io.tributary.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.api.model.SystemVariables;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.NewSegment;

/**
 * Small versions of the knowledge pipeline's node types (datasource, document-extractor, general chunker tool,
 * knowledge-index) with the contracts of the shared conventions, standing in for the node bundles built on
 * other branches. The knowledge-index node writes segments into the real store and can hold runs at a gate,
 * counting how many run at once.
 */
final class PipelineNodes {
    static final String CHUNKER = "langgenius/general_chunker/general_chunker/general_chunker";

    final DatasetStore datasets;
    /** Index runs wait here when {@link #gated} is set; tests release permits. */
    final Semaphore gate = new Semaphore(0);
    volatile boolean gated;
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    /** Index runs per document id: more than one means an item was processed twice. */
    final Map<String, AtomicInteger> indexRuns = new ConcurrentHashMap<>();

    PipelineNodes(DatasetStore datasets) {
        this.datasets = datasets;
    }

    TestRegistry registry() {
        return new TestRegistry()
                .add("datasource", null, (NodeType) this::datasource)
                .add("document-extractor", null, (NodeType) node -> this::extract)
                .add("tool", CHUNKER, (NodeType) node -> this::chunk)
                .add("knowledge-index", null, (NodeType) node -> this::index);
    }

    private io.tributary.api.node.NodeExecutor datasource(io.tributary.api.model.GraphNode node) {
        return ctx -> {
            String type = (String) ctx.variables().get(List.of("sys", "datasource_type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) ctx.variables().get(List.of("sys", "datasource_info"));
            Map<String, Object> out = new LinkedHashMap<>();
            if ("local_file".equals(type)) {
                Object ref = info.get("reference") != null ? info.get("reference") : info.get("related_id");
                if (ref == null || ref.toString().startsWith("missing")) {
                    throw new NodeExecutionException("File is not exist.");
                }
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("dify_model_identity", "__dify__file__");
                file.put("type", "document");
                file.put("transfer_method", "local_file");
                file.put("related_id", ref);
                file.put("filename", info.getOrDefault("name", "untitled"));
                out.put("file", file);
            } else {
                out.putAll(info);
            }
            out.put("datasource_type", type);
            return NodeResult.of(out);
        };
    }

    private NodeResult extract(NodeContext ctx) {
        @SuppressWarnings("unchecked")
        List<String> selector = (List<String>) ctx.node().data().get("variable_selector");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) ctx.variables().get(selector);
        String name = String.valueOf(file.get("filename"));
        return NodeResult.of(Map.of("text", "First paragraph of " + name + ".\\n\\nSecond paragraph of " + name + "."));
    }

    @SuppressWarnings("unchecked")
    private NodeResult chunk(NodeContext ctx) {
        Map<String, Object> params = (Map<String, Object>) ctx.node().data().get("tool_parameters");
        String text = ctx.variables().render((String) ((Map<String, Object>) params.get("input_variable")).get("value"));
        String delimiter = ctx.variables().render((String) ((Map<String, Object>) params.get("delimiter")).get("value"));
        List<String> chunks = new ArrayList<>();
        for (String part : text.split(java.util.regex.Pattern.quote(delimiter))) {
            if (!part.isBlank()) {
                chunks.add(part.trim());
            }
        }
        return NodeResult.of(Map.of("result", Map.of("general_chunks", chunks)));
    }

    @SuppressWarnings("unchecked")
    private NodeResult index(NodeContext ctx) throws NodeExecutionException, InterruptedException {
        List<String> selector = (List<String>) ctx.node().data().get("index_chunk_variable_selector");
        Object value = ctx.variables().get(selector);
        List<String> chunks = value instanceof Map<?, ?> m ? (List<String>) m.get("general_chunks") : List.of();
        if (chunks == null || chunks.isEmpty()) {
            throw new NodeExecutionException("Chunks is required.");
        }
        if (SystemVariables.INVOKE_FROM_DEBUGGER.equals(ctx.variables().get(List.of(SystemVariables.NODE_ID,
                SystemVariables.INVOKE_FROM)))) {
            return NodeResult.of(Map.of("chunk_structure", "text_model",
                    "preview", chunks.stream().map(c -> Map.of("content", c)).toList(),
                    "total_segments", chunks.size()));
        }
        String documentId = (String) ctx.variables().get(List.of("sys", "document_id"));
        indexRuns.computeIfAbsent(documentId, d -> new AtomicInteger()).incrementAndGet();
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            if (gated) {
                gate.acquire();
            }
            datasets.replaceSegments(documentId, chunks.stream().map(c -> new NewSegment(c, null, null)).toList(),
                    Instant.now());
        } finally {
            running.decrementAndGet();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset_id", ctx.variables().get(List.of("sys", "dataset_id")));
        out.put("document_id", documentId);
        out.put("batch", ctx.variables().get(List.of("sys", "batch")));
        out.put("display_status", "completed");
        return NodeResult.of(out);
    }
}
