package io.tributary.node.extractor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.model.GraphNode;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeResult;
import io.tributary.engine.net.SsrfGuardImpl;

/** The node type over a temporary file store, and helpers to run it on one file. */
final class Extraction implements AutoCloseable {
    final DirectoryFileStore store;
    final DocumentExtractorNodeType nodeType;

    Extraction(Path dir, ExtractorLimits limits) {
        this(dir, limits, guard(""));
    }

    Extraction(Path dir, ExtractorLimits limits, SsrfGuard guard) {
        store = new DirectoryFileStore(dir);
        nodeType = new DocumentExtractorNodeType(limits, store, guard);
    }

    /** The real SSRF guard, allowing exactly {@code allow} (empty: the default policy). */
    static SsrfGuard guard(String allow) {
        return new SsrfGuardImpl(new SsrfGuardImpl.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SsrfGuardImpl.Config.class;
            }

            @Override
            public String allow() {
                return allow;
            }
        });
    }

    /** A local_file File map for bytes saved in the store. */
    Map<String, Object> upload(String filename, String mimeType, byte[] content) throws Exception {
        String id = store.put(filename, content);
        return file("local_file", filename, mimeType, Map.of("related_id", id));
    }

    static Map<String, Object> file(String method, String filename, String mimeType, Map<String, Object> extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("dify_model_identity", "__dify__file__");
        f.put("type", "document");
        f.put("transfer_method", method);
        f.put("filename", filename);
        int dot = filename.lastIndexOf('.');
        f.put("extension", dot < 0 ? null : filename.substring(dot));
        f.put("mime_type", mimeType);
        f.putAll(extra);
        return f;
    }

    /** Runs the node on {@code value} at {@code [start, file]}. */
    NodeResult run(Object value) throws Exception {
        GraphNode node = new GraphNode("extract", "document-extractor", null, "",
                Map.of("variable_selector", List.of("start", "file")));
        return nodeType.create(node).execute(new TestContext(node).put("start", "file", value));
    }

    /** The text of one uploaded file. */
    String text(String filename, String mimeType, byte[] content) throws Exception {
        return (String) run(upload(filename, mimeType, content)).outputs().get("text");
    }

    @Override
    public void close() {
        nodeType.close();
    }
}
