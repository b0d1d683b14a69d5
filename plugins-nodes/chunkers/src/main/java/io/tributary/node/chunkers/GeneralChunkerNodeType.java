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
import io.tributary.node.chunkers.split.GeneralChunker;

/**
 * Dify's general chunker tool ({@code langgenius/general_chunker}, tool {@code general_chunker}). Parameters:
 * {@code input_variable} (required), {@code delimiter} (default {@code 。}), {@code max_chunk_length} (1000,
 * 50..4000), {@code chunk_overlap_length} or {@code chunk_overlap} (100), {@code replace_consecutive_spaces_newlines_tabs}
 * and {@code delete_all_urls_and_email_addresses} (false). Output {@code result = {general_chunks: [str]}}.
 */
@Component(service = NodeType.class)
@NodeTypeProperties(type = "tool", version = "1.0.0", tool = GeneralChunkerNodeType.TOOL)
public final class GeneralChunkerNodeType extends ChunkerTool {
    static final String TOOL = "langgenius/general_chunker/general_chunker/general_chunker";

    /** The settings of one node: the chunker, or null when problems were found. */
    private static GeneralChunker chunker(ToolParameters params, Function<String, Object> value, List<String> problems) {
        int before = problems.size();
        String delimiter = ParamValues.string("delimiter", value.apply("delimiter"), GeneralChunker.DEFAULT_DELIMITER,
                problems);
        Object rawMax = value.apply("max_chunk_length");
        String overlapName = params.has("chunk_overlap_length") ? "chunk_overlap_length" : "chunk_overlap";
        Object rawOverlap = value.apply(overlapName);
        int max = ParamValues.integer("max_chunk_length", rawMax, GeneralChunker.DEFAULT_MAX_LENGTH, problems);
        int overlap = ParamValues.integer(overlapName, rawOverlap, GeneralChunker.DEFAULT_OVERLAP, problems);
        boolean spaces = ParamValues.bool("replace_consecutive_spaces_newlines_tabs",
                value.apply("replace_consecutive_spaces_newlines_tabs"), false, problems);
        boolean urls = ParamValues.bool("delete_all_urls_and_email_addresses",
                value.apply("delete_all_urls_and_email_addresses"), false, problems);
        if (problems.size() == before && known(rawMax) && known(rawOverlap)) {
            ChunkLimits.check("max_chunk_length", max, overlapName, overlap, problems);
        }
        return problems.size() == before && known(rawMax) && known(rawOverlap)
                ? new GeneralChunker(delimiter, max, overlap, spaces, urls) : null;
    }

    @Override
    void check(ToolParameters params, Function<String, Object> value, List<String> problems) {
        require(params, "input_variable", problems);
        chunker(params, value, problems);
    }

    @Override
    NodeResult run(ToolParameters params, NodeContext ctx) throws NodeExecutionException {
        List<String> problems = new ArrayList<>();
        Function<String, Object> value = name -> params.resolve(name, ctx.variables());
        String text = ParamValues.text("input_variable", params.resolve("input_variable", ctx.variables()), problems);
        GeneralChunker chunker = chunker(params, value, problems);
        failIfAny(problems);
        List<String> chunks = chunker.chunk(text);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String name : List.of("input_variable", "delimiter", "max_chunk_length", "chunk_overlap_length",
                "chunk_overlap", "replace_consecutive_spaces_newlines_tabs", "delete_all_urls_and_email_addresses")) {
            if (params.has(name)) {
                inputs.put(name, params.resolve(name, ctx.variables()));
            }
        }
        return NodeResult.of(inputs, Map.of("result", Map.of("general_chunks", chunks)));
    }
}
