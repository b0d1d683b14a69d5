package io.tributary.node.flow.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.type.TypeFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.DataFields;

/**
 * {@code template-transform}: renders {@code data.template} as Jinja2 with {@code data.variables[{variable,
 * value_selector}]} bound by name; output {@code output}. A render is bounded by {@link TemplateLimits}: longer
 * output than {@code max.output.length} (default 400,000 characters, Dify's {@code TEMPLATE_TRANSFORM_MAX_LENGTH})
 * fails the node with {@code OutputLengthExceededError}; a larger list or dict, a longer render or more memory
 * than configured fails it with {@code TemplateLimitExceededError}; a stop ends the render at the next template
 * node.
 */
@Component(name = "io.tributary.node.flow.TemplateTransformNodeType", service = NodeType.class,
        configurationPid = TemplateTransformNodeType.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TemplateTransformNodeType.Config.class)
@NodeTypeProperties(type = "template-transform", version = "1.0.0")
public final class TemplateTransformNodeType implements NodeType {
    static final String PID = "io.tributary.node.template_transform";

    @ObjectClassDefinition(id = "io.tributary.node.flow.TemplateTransformNodeType$Config",
            name = "Tributary template-transform node")
    public @interface Config {
        @AttributeDefinition(name = "Maximum output length", description = "Characters; longer output fails the node.")
        long max_output_length() default 400_000;

        @AttributeDefinition(name = "Maximum collection size",
                description = "Items in one list or dict a template reads or builds; more fails the node.")
        int max_collection_size() default 100_000;

        @AttributeDefinition(name = "Maximum render time (ms)", description = "A longer render fails the node.")
        long max_render_time_ms() default 15_000;

        @AttributeDefinition(name = "Maximum render memory (MB)",
                description = "Memory one render may allocate on its thread; more fails the node.")
        long max_render_memory_mb() default 256;
    }

    static TemplateLimits limits(Config c) {
        return new TemplateLimits(c.max_output_length(), c.max_collection_size(),
                Duration.ofMillis(c.max_render_time_ms()), c.max_render_memory_mb() << 20);
    }

    /** One template variable. */
    record Binding(String name, List<String> selector) {
    }

    private volatile JinjaRenderer renderer;

    @Activate
    public TemplateTransformNodeType(Config config) {
        this.renderer = new JinjaRenderer(limits(config));
    }

    TemplateTransformNodeType(TemplateLimits limits) {
        this.renderer = new JinjaRenderer(limits);
    }

    TemplateTransformNodeType(long maxOutputLength) {
        this(TemplateLimits.DEFAULTS.withMaxOutputLength(maxOutputLength));
    }

    @Modified
    void modified(Config config) {
        renderer = new JinjaRenderer(limits(config));
    }

    /**
     * Jackson is the distribution's shared bundle: the type cache of its static {@link TypeFactory} keeps the
     * classes Jinjava's and our {@code ObjectMapper}s resolved, which would hold this plugin's class loader after
     * an update or uninstall. Dropped when the node type goes; it refills on demand.
     */
    @Deactivate
    void deactivate() {
        TypeFactory.defaultInstance().clearCache();
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        bindings(node);
    }

    static List<Binding> bindings(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        if (!(node.data().get("template") instanceof String)) {
            problems.add("'template' is required (Jinja2 text)");
        }
        List<Binding> out = new ArrayList<>();
        List<Map<String, Object>> vars = DataFields.objects(node.data(), "variables", problems);
        for (int i = 0; i < vars.size(); i++) {
            String name = DataFields.string(vars.get(i), "variable");
            List<String> selector = NodeData.selectorOf(vars.get(i).get("value_selector"));
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add("variables[" + i + "].variable must be a name usable in the template");
            }
            if (selector == null) {
                problems.add("variables[" + i + "].value_selector must be a list of at least two strings");
            }
            out.add(new Binding(name, selector));
        }
        DataFields.throwIfAny(node, problems);
        return out;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<Binding> bindings = bindings(node);
        String template = (String) node.data().get("template");
        JinjaRenderer r = renderer;
        return ctx -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Binding b : bindings) {
                values.put(b.name(), ctx.variables().get(b.selector()));
            }
            return NodeResult.of(values, Map.of("output", r.render(template, values, ctx::isCancelled)));
        };
    }
}
