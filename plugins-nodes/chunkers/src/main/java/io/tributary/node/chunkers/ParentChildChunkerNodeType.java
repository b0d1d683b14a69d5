package io.tributary.node.chunkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.node.chunkers.split.ChunkLimits;
import io.tributary.node.chunkers.split.ParentChildChunker;

/**
 * Dify's parent-child chunker tool ({@code langgenius/parentchild_chunker}, tool {@code parentchild_chunker}).
 * Parameters: {@code input_text} (required), {@code parent_mode} ({@code paragraph}|{@code full_doc}),
 * {@code separator} ({@code \n\n}), {@code max_length} (1024), {@code subchunk_separator} ({@code \n}),
 * {@code subchunk_max_length} (512), {@code remove_extra_spaces}, {@code remove_urls_emails} (false). Output
 * {@code result = {parent_child_chunks: [{parent_content, child_contents}], parent_mode: paragraph|full-doc}}.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "tool", version = "1.0.0", tool = ParentChildChunkerNodeType.TOOL)
public final class ParentChildChunkerNodeType extends ChunkerTool {
    static final String TOOL = "langgenius/parentchild_chunker/parentchild_chunker/parentchild_chunker";
    private static final List<String> NAMES = List.of("input_text", "parent_mode", "separator", "max_length",
            "subchunk_separator", "subchunk_max_length", "remove_extra_spaces", "remove_urls_emails");

    private static ParentChildChunker chunker(Function<String, Object> value, List<String> problems) {
        int before = problems.size();
        Object rawMode = value.apply("parent_mode");
        ParentChildChunker.Mode mode = ParentChildChunker.Mode.PARAGRAPH;
        if (rawMode != null && known(rawMode)) {
            mode = ParentChildChunker.Mode.of(String.valueOf(rawMode).strip());
            if (mode == null) {
                problems.add("'parent_mode' must be paragraph or full_doc, got '" + rawMode + "'");
            }
        }
        String sep = ParamValues.string("separator", value.apply("separator"), ParentChildChunker.DEFAULT_SEPARATOR,
                problems);
        String subSep = ParamValues.string("subchunk_separator", value.apply("subchunk_separator"),
                ParentChildChunker.DEFAULT_SUBCHUNK_SEPARATOR, problems);
        Object rawMax = value.apply("max_length");
        Object rawSubMax = value.apply("subchunk_max_length");
        int max = ParamValues.integer("max_length", rawMax, ParentChildChunker.DEFAULT_MAX_LENGTH, problems);
        int subMax = ParamValues.integer("subchunk_max_length", rawSubMax,
                ParentChildChunker.DEFAULT_SUBCHUNK_MAX_LENGTH, problems);
        boolean spaces = ParamValues.bool("remove_extra_spaces", value.apply("remove_extra_spaces"), false, problems);
        boolean urls = ParamValues.bool("remove_urls_emails", value.apply("remove_urls_emails"), false, problems);
        if (known(rawMax)) {
            ChunkLimits.check("max_length", max, "overlap", 0, problems);
        }
        if (known(rawSubMax)) {
            ChunkLimits.check("subchunk_max_length", subMax, "overlap", 0, problems);
        }
        boolean complete = known(rawMode) && known(rawMax) && known(rawSubMax);
        return problems.size() == before && complete
                ? new ParentChildChunker(mode, sep, max, subSep, subMax, spaces, urls) : null;
    }

    @Override
    void check(ToolParameters params, Function<String, Object> value, List<String> problems) {
        require(params, "input_text", problems);
        chunker(value, problems);
    }

    @Override
    NodeResult run(ToolParameters params, NodeContext ctx) throws NodeExecutionException {
        List<String> problems = new ArrayList<>();
        String text = ParamValues.text("input_text", params.resolve("input_text", ctx.variables()), problems);
        ParentChildChunker chunker = chunker(name -> params.resolve(name, ctx.variables()), problems);
        failIfAny(problems);
        List<Map<String, Object>> parents = new ArrayList<>();
        for (ParentChildChunker.Parent p : chunker.chunk(text)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("parent_content", p.content());
            m.put("child_contents", p.children());
            parents.add(m);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("parent_child_chunks", parents);
        result.put("parent_mode", chunker.mode().wire());
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (params.has(name)) {
                inputs.put(name, params.resolve(name, ctx.variables()));
            }
        }
        return NodeResult.of(inputs, Map.of("result", result));
    }
}
