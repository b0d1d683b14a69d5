package io.tributary.node.extractor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.model.GraphNode;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.store.FileStore;

/**
 * Dify's built-in extractor tool of its knowledge-pipeline templates ({@code langgenius/dify_extractor}, tool
 * {@code dify_extractor}), on the same Tika extraction and limits as {@code document-extractor}. Parameter
 * {@code file} (required): a File, given in {@code tool_parameters} as a variable selector ({@code type: variable})
 * or a template that is one reference ({@code type: mixed}, {@code "{{#node.var#}}"}). Outputs as a Dify tool node:
 * {@code text} (the document's text), {@code files} and {@code json} (empty) and the tool's variable
 * {@code documents} ({@code [{page_content, metadata: {source}}]}). A file that cannot be read fails the node
 * with document-extractor's message (Dify's tool would return that message as the text, which a pipeline would
 * then chunk and index as the document's content).
 */
@Component(service = NodeType.class, configurationPid = DocumentExtractorNodeType.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@NodeTypeProperties(type = "tool", version = "1.0.0", tool = DifyExtractorNodeType.TOOL)
public final class DifyExtractorNodeType implements NodeType, AutoCloseable {
    static final String TOOL = "langgenius/dify_extractor/dify_extractor/dify_extractor";
    static final String ERROR_TYPE = "ToolNodeError";
    private static final Pattern ONE_REFERENCE =
            Pattern.compile("\\s*\\{\\{#([a-zA-Z0-9_]{1,50})\\.([a-zA-Z_][a-zA-Z0-9_.]{0,100})#\\}\\}\\s*");

    private final FileTexts texts;

    @Activate
    public DifyExtractorNodeType(DocumentExtractorNodeType.Config config, @Reference FileStore files,
                                 @Reference SsrfGuard guard) {
        this(ExtractorLimits.of(config), files, guard);
    }

    DifyExtractorNodeType(ExtractorLimits limits, FileStore files, SsrfGuard guard) {
        this.texts = new FileTexts(limits, files, guard, ERROR_TYPE);
    }

    @Deactivate
    @Override
    public void close() {
        texts.close();
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        fileSelector(node);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<String> selector = fileSelector(node);
        return ctx -> execute(selector, ctx);
    }

    private NodeResult execute(List<String> selector, NodeContext ctx)
            throws NodeExecutionException, InterruptedException {
        Object file = ctx.variables().get(selector);
        if (file instanceof List<?> list && list.size() == 1) {
            file = list.get(0);
        }
        if (!(file instanceof Map<?, ?>)) {
            throw new NodeExecutionException("file is required", ERROR_TYPE, null);
        }
        String text = texts.text(file, ctx.deadline());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("page_content", text);
        document.put("metadata", Map.of("source", FileTexts.filename(file)));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("text", text);
        outputs.put("files", List.of());
        outputs.put("json", List.of());
        outputs.put("documents", List.of(document));
        return new NodeResult(Map.of("file", file), null, outputs, null, null);
    }

    /** The selector of the {@code file} parameter, from {@code tool_parameters} (or {@code tool_configurations}). */
    static List<String> fileSelector(GraphNode node) throws NodeValidationException {
        Object param = parameter(node.data(), "tool_parameters");
        if (param == null) {
            param = parameter(node.data(), "tool_configurations");
        }
        if (param instanceof Map<?, ?> m) {
            Object type = m.get("type");
            Object value = m.get("value");
            if ("variable".equals(type) && value instanceof List<?> l && l.size() >= 2
                    && l.stream().allMatch(String.class::isInstance)) {
                @SuppressWarnings("unchecked")
                List<String> selector = (List<String>) l;
                return List.copyOf(selector);
            }
            if ("mixed".equals(type) && value instanceof String s) {
                Matcher r = ONE_REFERENCE.matcher(s);
                if (r.matches()) {
                    List<String> selector = new java.util.ArrayList<>();
                    selector.add(r.group(1));
                    selector.addAll(List.of(r.group(2).split("\\.")));
                    return List.copyOf(selector);
                }
            }
        }
        throw new NodeValidationException(List.of("node '" + node.id() + "': tool parameter 'file' is required, "
                + "as a variable selector of a File (tool_parameters.file: {type: variable, value: [node, name]})"));
    }

    private static Object parameter(Map<String, Object> data, String key) {
        return data.get(key) instanceof Map<?, ?> params ? params.get("file") : null;
    }
}
