package io.tributary.node.flow.template;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
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
 */
final class JinjaRenderer {
    private final Jinjava jinjava;
    /**
     * A copy of Jinjava's global context (filters, functions, tags), made once and only read afterwards: each
     * render's context is a child of it. Jinjava's own render copies the global context for every call, which
     * registers every built-in filter and function again and cost more than the rendering itself.
     */
    private final Context base;
    private final long maxLength;

    JinjaRenderer(long maxLength) {
        this.maxLength = maxLength;
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
                    .withMaxOutputSize(maxLength * 4 + 1024)
                    .build());
            this.base = jinjava.getGlobalContextCopy();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Renders the template with the variables.
     *
     * @throws NodeExecutionException on a template error or when the output is longer than the limit
     */
    String render(String template, Map<String, Object> variables) throws NodeExecutionException {
        String out;
        List<TemplateError> errors;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        JinjavaConfig config = jinjava.getGlobalConfig();
        Context context = new Context(base, variables, config.getDisabled());
        JinjavaInterpreter interpreter = config.getInterpreterFactory().newInstance(jinjava, context, config);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Thread.currentThread().setContextClassLoader(JinjaRenderer.class.getClassLoader());
            out = interpreter.render(template);
            errors = interpreter.getErrorsCopy();
        } catch (OutputTooBigException e) {
            throw tooLong();
        } catch (RuntimeException e) {
            throw new NodeExecutionException("template error: " + e.getMessage(), "TemplateTransformError", e);
        } finally {
            JinjavaInterpreter.popCurrent();
            Thread.currentThread().setContextClassLoader(previous);
        }
        String fatal = errors.stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .map(e -> (e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "") + e.getMessage())
                .collect(Collectors.joining("; "));
        if (!fatal.isEmpty()) {
            if (fatal.contains("OutputTooBig") || fatal.toLowerCase().contains("output too big")) {
                throw tooLong();
            }
            throw new NodeExecutionException("template error: " + fatal, "TemplateTransformError", null);
        }
        if (!config.isKeepTrailingNewline() && out.endsWith("\n")) {
            out = out.substring(0, out.length() - 1);
        }
        if (out.length() > maxLength) {
            throw tooLong();
        }
        return out;
    }

    private NodeExecutionException tooLong() {
        return new NodeExecutionException("Output length exceeds the limit of " + maxLength
                + " characters (template-transform max_output_length)", "OutputLengthExceededError", null);
    }
}
