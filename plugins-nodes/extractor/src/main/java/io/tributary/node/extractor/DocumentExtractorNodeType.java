package io.tributary.node.extractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tributary.api.model.GraphNode;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;
import io.tributary.api.store.FileStore;

/**
 * {@code document-extractor}: reads the File (or list of Files) at {@code variable_selector} and outputs its
 * text as {@code text} (a string, or a list of strings for a list). A file that cannot be read or parsed fails
 * the node with {@code Failed to extract text from <name>: <reason>}.
 */
@Component(service = NodeType.class, configurationPid = DocumentExtractorNodeType.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DocumentExtractorNodeType.Config.class)
@NodeTypeProperties(type = "document-extractor", version = "1.0.0")
public final class DocumentExtractorNodeType implements NodeType, AutoCloseable {
    static final String PID = "io.tributary.node.document_extractor";
    static final String ERROR_TYPE = "DocumentExtractorError";

    @ObjectClassDefinition(name = "Tributary document-extractor node", description = "Limits of text extraction.")
    public @interface Config {
        @AttributeDefinition(name = "Maximum file size (bytes)", description = "Larger files fail before parsing.")
        long max_file_bytes() default 50L * 1024 * 1024;

        @AttributeDefinition(name = "Maximum text per file (characters)")
        long max_text_chars() default 50L * 1024 * 1024;

        @AttributeDefinition(name = "Maximum PDF pages")
        int max_pdf_pages() default 2000;

        @AttributeDefinition(name = "Minimum ZIP inflate ratio", description = "Compressed/uncompressed size below "
                + "which an OOXML entry is refused as a zip bomb (POI ZipSecureFile).")
        double min_inflate_ratio() default 0.01;

        @AttributeDefinition(name = "Maximum OOXML entry size (bytes)")
        long max_zip_entry_bytes() default 1024L * 1024 * 1024;

        @AttributeDefinition(name = "Parse timeout per file (s)")
        long parse_timeout_seconds() default 120;

        @AttributeDefinition(name = "remote_url download timeout (s)")
        long remote_timeout_seconds() default 30;
    }

    private final FileTexts texts;

    @Activate
    public DocumentExtractorNodeType(Config config, @Reference FileStore files, @Reference SsrfGuard guard) {
        this(ExtractorLimits.of(config), files, guard);
    }

    DocumentExtractorNodeType(ExtractorLimits limits, FileStore files, SsrfGuard guard) {
        this.texts = new FileTexts(limits, files, guard, ERROR_TYPE);
    }

    @Deactivate
    @Override
    public void close() {
        texts.close();
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        selector(node);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<String> selector = selector(node);
        return ctx -> execute(selector, ctx);
    }

    private NodeResult execute(List<String> selector, NodeContext ctx)
            throws NodeExecutionException, InterruptedException {
        Object value = ctx.variables().get(selector);
        Map<String, Object> inputs = Map.of("variable_selector", selector);
        if (value == null) {
            throw new NodeExecutionException("File variable not found for selector: " + String.join(".", selector),
                    ERROR_TYPE, null);
        }
        if (value instanceof List<?> list) {
            List<Object> texts = new ArrayList<>(list.size());
            for (Object item : list) {
                texts.add(extract(item, ctx));
            }
            return new NodeResult(inputs, Map.of("documents", list), Map.of("text", texts), null, null);
        }
        return new NodeResult(inputs, Map.of("documents", value), Map.of("text", extract(value, ctx)), null, null);
    }

    private String extract(Object value, NodeContext ctx) throws NodeExecutionException, InterruptedException {
        return texts.text(value, ctx.deadline());
    }

    private static List<String> selector(GraphNode node) throws NodeValidationException {
        NodeData data = NodeData.of(node);
        List<String> selector = data.requiredSelector("variable_selector");
        data.throwIfInvalid();
        return selector;
    }
}
