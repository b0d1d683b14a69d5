package io.tributary.node.flow.template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.interpret.CollectionTooBigException;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.TemplateError;

import io.tributary.api.node.NodeExecutionException;

/**
 * Jinja2 templates through Jinjava (embedded in this bundle), configured for Python Jinja2's behaviour:
 * Python-style iteration over dicts, operator precedence, whitespace control and printing of lists and
 * dicts, and no trailing newline kept. One instance serves every run. (Not {@link LegacyOverrides#ALL}: its
 * deprecated "whitespace required within tokens" breaks {@code {%- ... %}} after text.)
 *
 * <p>Sandboxed by {@link TemplateLimits}: Jinjava bounds every list and dict ({@code max_collection_size}),
 * string and output; a {@link RenderBudget} checked before every template node bounds time and memory and
 * ends the render when the run is stopped (a render asked for on a virtual thread runs on a platform thread of
 * its own, where the JVM counts allocation). Templates cannot load resources: {@code include}, {@code import},
 * {@code from} and {@code extends} are disabled and the resource locator refuses everything.
 */
final class JinjaRenderer {
    /** Tags that read other templates; there are none to read. */
    static final Set<String> RESOURCE_TAGS = Set.of("include", "import", "from", "extends");
    /** The {@code error_type} of a breached limit other than the output length (Dify has no name for these). */
    static final String LIMIT_ERROR = "TemplateLimitExceededError";

    private final Jinjava jinjava;
    /**
     * A copy of Jinjava's global context (filters, functions, tags), made once and only read afterwards: each
     * render's context is a child of it. Jinjava's own render copies the global context for every call, which
     * registers every built-in filter and function again and cost more than the rendering itself.
     */
    private final Context base;
    private final TemplateLimits limits;
    private final ThreadAllocation allocation = new ThreadAllocation();
    /** The budget of the render running on this thread (renders of parallel passes run on other threads). */
    private final ThreadLocal<RenderBudget> budget = new ThreadLocal<>();

    JinjaRenderer(TemplateLimits limits) {
        this.limits = limits;
        // Jinjava counts output and string sizes in bytes; the node's limit is in characters (checked below).
        long maxBytes = limits.maxOutputLength() * 4 + 1024;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // Jinjava's EL and Jackson may look things up through the context class loader: give them ours.
            Thread.currentThread().setContextClassLoader(JinjaRenderer.class.getClassLoader());
            this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
                    .withLegacyOverrides(LegacyOverrides.newBuilder()
                            .withEvaluateMapKeys(true)
                            .withIterateOverMapKeys(true)
                            .withUsePyishObjectMapper(true)
                            .withUseNaturalOperatorPrecedence(true)
                            .withParseWhitespaceControlStrictly(true)
                            .withKeepNullableLoopValues(true)
                            .withHandleBackslashInQuotesOnly(true)
                            .build())
                    .withKeepTrailingNewline(false)
                    .withFailOnUnknownTokens(false)
                    .withMaxOutputSize(maxBytes)
                    .withMaxStringLength(maxBytes)
                    .withMaxListSize(limits.maxCollectionSize())
                    .withMaxMapSize(limits.maxCollectionSize())
                    .withDisabled(Map.of(Context.Library.TAG, RESOURCE_TAGS))
                    .withProcessors(JinjavaProcessors.newBuilder()
                            .withNodePreProcessor((node, interpreter) -> checkBudget())
                            .build())
                    .build());
            this.jinjava.setResourceLocator(new NoTemplateResources());
            this.base = jinjava.getGlobalContextCopy();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void checkBudget() {
        RenderBudget b = budget.get();
        if (b != null) {
            b.check();
        }
    }

    /**
     * Renders the template with the variables.
     *
     * @param cancelled true once the run is stopped; checked with the thread's interrupt flag before every node
     * @throws NodeExecutionException on a template error or when the render exceeds one of its limits
     * @throws InterruptedException   when the run was stopped (or the thread interrupted) during the render
     */
    String render(String template, Map<String, Object> variables, BooleanSupplier cancelled)
            throws NodeExecutionException, InterruptedException {
        if (!Thread.currentThread().isVirtual()) {
            return renderHere(template, variables, cancelled);
        }
        // HotSpot counts allocated bytes for platform threads only (a virtual thread reads -1), and the engine
        // runs nodes on virtual threads: render on a platform thread of its own so the memory budget holds.
        FutureTask<String> task = new FutureTask<>(() -> renderHere(template, variables, cancelled));
        Thread thread = Thread.ofPlatform().name("template-render-" + Thread.currentThread().threadId())
                .daemon(true).start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            // the render ends at its next template node; the stopped node does not wait for it
            thread.interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NodeExecutionException n) {
                throw n;
            }
            if (cause instanceof InterruptedException i) {
                throw i;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private String renderHere(String template, Map<String, Object> variables, BooleanSupplier cancelled)
            throws NodeExecutionException, InterruptedException {
        String out;
        List<TemplateError> errors;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        JinjavaConfig config = jinjava.getGlobalConfig();
        Context context = new Context(base, variables, config.getDisabled());
        JinjavaInterpreter interpreter = config.getInterpreterFactory().newInstance(jinjava, context, config);
        RenderBudget b = new RenderBudget(limits, cancelled, allocation);
        JinjavaInterpreter.pushCurrent(interpreter);
        budget.set(b);
        try {
            Thread.currentThread().setContextClassLoader(JinjaRenderer.class.getClassLoader());
            out = interpreter.render(template);
            errors = interpreter.getErrorsCopy();
        } catch (RuntimeException e) {
            // Jinjava wraps what a tag or the budget throws (InterpretException); the cause tells which limit.
            if (b.stopped() || b.breach() != null) {
                errors = List.of();
                out = "";
            } else if (causedBy(e, CollectionTooBigException.class)) {
                throw tooBig();
            } else if (causedBy(e, OutputTooBigException.class)) {
                throw tooLong();
            } else {
                throw new NodeExecutionException("template error: " + e.getMessage(), "TemplateTransformError", e);
            }
        } finally {
            budget.remove();
            JinjavaInterpreter.popCurrent();
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (b.stopped()) {
            throw new InterruptedException("template rendering stopped");
        }
        if (b.breach() != null) {
            throw new NodeExecutionException(b.breach(), LIMIT_ERROR, null);
        }
        List<TemplateError> fatal = errors.stream().filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (fatal.stream().anyMatch(e -> e.getReason() == TemplateError.ErrorReason.COLLECTION_TOO_BIG
                || String.valueOf(e.getMessage()).contains("CollectionTooBig"))) {
            throw tooBig();
        }
        if (fatal.stream().anyMatch(e -> e.getReason() == TemplateError.ErrorReason.OUTPUT_TOO_BIG
                || String.valueOf(e.getMessage()).contains("OutputTooBig")
                || String.valueOf(e.getMessage()).toLowerCase().contains("output too big"))) {
            throw tooLong();
        }
        if (!fatal.isEmpty()) {
            String message = fatal.stream()
                    .map(e -> (e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "") + e.getMessage())
                    .collect(Collectors.joining("; "));
            throw new NodeExecutionException("template error: " + message, "TemplateTransformError", null);
        }
        if (!config.isKeepTrailingNewline() && out.endsWith("\n")) {
            out = out.substring(0, out.length() - 1);
        }
        if (out.length() > limits.maxOutputLength()) {
            throw tooLong();
        }
        return out;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private NodeExecutionException tooLong() {
        return new NodeExecutionException("Output length exceeds the limit of " + limits.maxOutputLength()
                + " characters (template-transform max.output.length)", "OutputLengthExceededError", null);
    }

    private NodeExecutionException tooBig() {
        return new NodeExecutionException("A list or dict in the template exceeds the limit of "
                + limits.maxCollectionSize() + " items (template-transform max.collection.size)", LIMIT_ERROR, null);
    }
}
