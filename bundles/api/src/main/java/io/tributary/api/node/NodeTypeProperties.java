package io.tributary.api.node;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service properties of a {@link NodeType}, so they cannot be misspelled. Put it on the DS component:
 *
 * <pre>{@code
 * @Component(service = NodeType.class)
 * @NodeTypeProperties(type = "end", version = "1.0.0")
 * public final class EndNodeType implements NodeType { ... }
 * }</pre>
 *
 * The keys are {@value #TYPE}, {@value #VERSION} and {@value #TOOL}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface NodeTypeProperties {
    /** Prefix of the generated property names. */
    String PREFIX_ = "io.tributary.node.";
    /** Service property: the Dify node type string. */
    String TYPE = "io.tributary.node.type";
    /** Service property: the node type's semantic version; the bundle version when absent. */
    String VERSION = "io.tributary.node.version";
    /**
     * Service property: for {@code type=tool}, the Dify tool identity {@code provider_id + "/" + tool_name}. Dify's
     * provider ids have three parts, so the key has four: {@code langgenius/general_chunker/general_chunker/general_chunker}.
     */
    String TOOL = "io.tributary.node.tool";

    /** The Dify node type string ({@code start}, {@code end}, {@code tool}, ...). */
    String type();

    /**
     * The node type's semantic version ({@code major.minor.patch}); the major is Dify's node
     * {@code version}. Empty means: the providing bundle's version.
     */
    String version() default "";

    /** For tools: {@code provider_id/tool_name}, e.g. {@code langgenius/general_chunker/general_chunker/general_chunker}. */
    String tool() default "";
}
