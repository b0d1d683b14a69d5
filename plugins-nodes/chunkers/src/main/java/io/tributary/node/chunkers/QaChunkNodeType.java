package io.tributary.node.chunkers;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.store.FileStore;
import io.tributary.node.chunkers.qa.CsvText;
import io.tributary.node.chunkers.qa.QaTable;

/**
 * Dify's Q&amp;A chunker tool ({@code langgenius/qa_chunk}, tool {@code qa_chunk}). Parameters: {@code input_file}
 * (a File map of a {@code .csv} file), {@code question_column} (default 0) and {@code answer_column} (default 1),
 * each a 0-based index or a header name. The bytes come inline ({@code data}, base64) or from the
 * {@link FileStore} by {@code related_id}. Output {@code result = {qa_chunks: [{question, answer}]}}.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "tool", version = "1.0.0", tool = QaChunkNodeType.TOOL)
public final class QaChunkNodeType extends ChunkerTool {
    static final String TOOL = "langgenius/qa_chunk/qa_chunk/qa_chunk";
    /** Larger CSV files fail the node instead of filling the heap. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FileStore files;

    /** For DS. */
    public QaChunkNodeType() {
    }

    /** For tests and direct use. */
    public QaChunkNodeType(FileStore files) {
        this.files = files;
    }

    @Override
    void check(ToolParameters params, Function<String, Object> value, List<String> problems) {
        require(params, "input_file", problems);
        for (String name : List.of("question_column", "answer_column")) {
            Object v = value.apply(name);
            if (v != null && known(v) && !(v instanceof Number || v instanceof String)) {
                problems.add("'" + name + "' must be a column index or a header name");
            }
        }
    }

    @Override
    NodeResult run(ToolParameters params, NodeContext ctx) throws NodeExecutionException {
        Object file = params.resolveValue("input_file", ctx.variables());
        if (file instanceof List<?> l && l.size() == 1) {
            file = l.get(0);
        }
        if (!(file instanceof Map<?, ?> map)) {
            throw new NodeExecutionException("'input_file' must be a file, got "
                    + (file == null ? "nothing" : file.getClass().getSimpleName()), "ToolParameterError", null);
        }
        String name = String.valueOf(map.get("filename") == null ? "" : map.get("filename"));
        Object ext = map.get("extension");
        String extension = ext instanceof String s && !s.isBlank() ? s : name.contains(".")
                ? name.substring(name.lastIndexOf('.')) : "";
        if (!".csv".equals(extension.toLowerCase(Locale.ROOT)) && !"csv".equals(extension.toLowerCase(Locale.ROOT))) {
            throw new NodeExecutionException("The Q&A chunker needs a .csv file; '" + name + "' has extension '"
                    + extension + "'", "ToolParameterError", null);
        }
        Object q = params.resolve("question_column", ctx.variables());
        Object a = params.resolve("answer_column", ctx.variables());
        List<Map<String, Object>> pairs;
        try {
            pairs = QaTable.pairs(CsvText.rows(CsvText.decode(bytes(map, name))), q == null ? 0 : q, a == null ? 1 : a);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage() + " (file '" + name + "')", "ToolParameterError", null);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("input_file", map);
        inputs.put("question_column", q == null ? 0 : q);
        inputs.put("answer_column", a == null ? 1 : a);
        return NodeResult.of(inputs, Map.of("result", Map.of("qa_chunks", pairs)));
    }

    private byte[] bytes(Map<?, ?> file, String name) throws NodeExecutionException {
        if (file.get("data") instanceof String data) {
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new NodeExecutionException("file '" + name + "' carries data that is not base64", e);
            }
        }
        Object related = file.get("related_id");
        if (!(related instanceof String id) || id.isBlank()) {
            throw new NodeExecutionException("file '" + name + "' has neither inline data nor a related_id"
                    + " (transfer_method " + file.get("transfer_method") + " is not supported here)");
        }
        FileStore store = files;
        if (store == null) {
            throw new NodeExecutionException("no file store is available to read file '" + name + "'");
        }
        try (InputStream in = store.open(id)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
            if (b.length > MAX_BYTES) {
                throw new NodeExecutionException("file '" + name + "' is larger than " + MAX_BYTES + " bytes");
            }
            return b;
        } catch (FileNotFoundException e) {
            throw new NodeExecutionException("File is not exist: '" + name + "' (" + id + ")", e);
        } catch (IOException e) {
            throw new NodeExecutionException("cannot read file '" + name + "': " + e.getMessage(), e);
        }
    }
}
