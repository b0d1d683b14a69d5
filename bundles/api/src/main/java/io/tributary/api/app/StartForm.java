package io.tributary.api.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.error.ServiceException;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.NumberText;

/**
 * The start node's input form ({@code data.variables}) and the one rule that checks a run's inputs against it,
 * as Dify's input form does: the app service checks a request's {@code inputs} before the run starts (a bad input
 * is a 400 {@code invalid_param} naming the field, not a failed run), and the {@code start} node applies the same
 * rule when it runs (for runs started without the service).
 *
 * <p>The rule, per declared field: a missing value ({@code null} or {@code ""}) fails a required field, else the
 * field gets its default; {@code text-input}, {@code paragraph}, {@code url} need a string of at most
 * {@code max_length} characters (code points); {@code select} a string among the options; {@code number} a number
 * or a number text ({@link NumberText}: bounded length and magnitude, checked before parsing); {@code checkbox} a
 * boolean; {@code file} an object; {@code file-list} a list of objects, at most {@code max_length} of them;
 * {@code json} / {@code json_object} an object. Other types pass unchecked. Undeclared inputs are not checked.
 *
 * <p>Immutable and thread-safe.
 */
public final class StartForm {

    /**
     * One form field.
     *
     * @param variable     the variable name
     * @param label        the label shown ({@code variable} when none)
     * @param type         the field type; {@code text-input} when none
     * @param required     whether a value is required
     * @param maxLength    characters of a text, files of a file list; {@code null} or 0: no limit
     * @param options      the choices of a {@code select}; empty: any
     * @param defaultValue the value of a missing optional input; may be {@code null}
     * @param fileTypes    {@code allowed_file_types} of a file field; empty: any
     * @param extensions   {@code allowed_file_extensions} (for {@code custom}); empty: any
     * @param methods      {@code allowed_file_upload_methods}; empty: any
     */
    public record Field(String variable, String label, String type, boolean required, Long maxLength,
                        List<String> options, Object defaultValue, List<String> fileTypes, List<String> extensions,
                        List<String> methods) {
        public Field {
            type = type == null ? "text-input" : type;
            label = label == null || label.isEmpty() ? variable : label;
            options = options == null ? List.of() : List.copyOf(options);
            fileTypes = fileTypes == null ? List.of() : List.copyOf(fileTypes);
            extensions = extensions == null ? List.of() : List.copyOf(extensions);
            methods = methods == null ? List.of() : List.copyOf(methods);
        }

        /** Whether it holds files ({@code file} or {@code file-list}). */
        public boolean isFile() {
            return "file".equals(type) || "file-list".equals(type);
        }
    }

    /** An input the form refuses: {@code invalid_param} with Dify's message; {@link #field()} names the field. */
    public static final class InvalidInput extends ServiceException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidInput(String field, String message) {
            super(Reason.INVALID, "invalid_param", message);
            this.field = field;
        }

        /** The variable whose value is refused. */
        public String field() {
            return field;
        }
    }

    private final List<Field> fields;

    public StartForm(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The form of the graph's first {@code start} node (empty when it has none). */
    public static StartForm of(Graph graph) {
        for (GraphNode n : graph.nodes()) {
            if ("start".equals(n.type())) {
                return of(n);
            }
        }
        return new StartForm(List.of());
    }

    /** The form a start node declares, read leniently (entries without a variable name are skipped). */
    public static StartForm of(GraphNode start) {
        List<Field> fields = new ArrayList<>();
        if (start.data().get("variables") instanceof List<?> vars) {
            for (Object o : vars) {
                if (o instanceof Map<?, ?> v && v.get("variable") instanceof String name) {
                    Object dflt = v.containsKey("default") ? v.get("default") : v.get("default_value");
                    fields.add(new Field(name, v.get("label") instanceof String l ? l : null,
                            v.get("type") instanceof String t && !t.isEmpty() ? t : null,
                            Boolean.TRUE.equals(v.get("required")),
                            v.get("max_length") instanceof Number n ? n.longValue() : null, strings(v.get("options")),
                            dflt, strings(v.get("allowed_file_types")), strings(v.get("allowed_file_extensions")),
                            strings(v.get("allowed_file_upload_methods"))));
                }
            }
        }
        return new StartForm(fields);
    }

    /** The fields, in declaration order. */
    public List<Field> fields() {
        return fields;
    }

    /**
     * Checks the inputs without changing them.
     *
     * @throws InvalidInput naming the first field refused
     */
    public void check(Map<String, ?> inputs) {
        apply(inputs);
    }

    /**
     * The value of every declared field, in declaration order: checked, number texts as numbers ({@code Long}
     * when integral, else {@code Double}), missing optional ones as their default.
     *
     * @throws InvalidInput naming the first field refused
     */
    public Map<String, Object> apply(Map<String, ?> inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            Object v = inputs.get(f.variable());
            if (v == null || (v instanceof String s && s.isEmpty())) {
                if (f.required()) {
                    throw invalid(f, f.variable() + " is required in input form");
                }
                out.put(f.variable(), v == null ? f.defaultValue() : v);
                continue;
            }
            out.put(f.variable(), value(f, v));
        }
        return out;
    }

    private static Object value(Field f, Object v) {
        String name = f.variable();
        boolean limited = f.maxLength() != null && f.maxLength() > 0;
        switch (f.type()) {
            case "text-input", "paragraph", "url" -> {
                if (!(v instanceof String s)) {
                    throw invalid(f, name + " in input form must be a string");
                }
                if (limited && s.codePointCount(0, s.length()) > f.maxLength()) {
                    throw invalid(f, name + " in input form must be less than " + f.maxLength() + " characters");
                }
            }
            case "select" -> {
                if (!(v instanceof String s)) {
                    throw invalid(f, name + " in input form must be a string");
                }
                if (!f.options().isEmpty() && !f.options().contains(s)) {
                    throw invalid(f, name + " in input form must be one of the following: " + f.options());
                }
            }
            case "number" -> {
                return number(f, v);
            }
            case "checkbox" -> {
                if (!(v instanceof Boolean)) {
                    throw invalid(f, name + " in input form must be a boolean");
                }
            }
            case "file" -> {
                if (!(v instanceof Map)) {
                    throw invalid(f, name + " in input form must be a file");
                }
            }
            case "file-list" -> {
                if (!(v instanceof List<?> l) || !l.stream().allMatch(Map.class::isInstance)) {
                    throw invalid(f, name + " in input form must be a list of files");
                }
                if (limited && l.size() > f.maxLength()) {
                    throw invalid(f, name + " in input form must have at most " + f.maxLength() + " files");
                }
            }
            case "json", "json_object" -> {
                if (!(v instanceof Map)) {
                    throw invalid(f, name + " in input form must be an object");
                }
            }
            default -> {
                // other field types are not checked
            }
        }
        return v;
    }

    private static Number number(Field f, Object v) {
        BigDecimal d = null;
        if (v instanceof Double x && (x.isNaN() || x.isInfinite())) {
            d = null;
        } else if (v instanceof Number n) {
            d = NumberText.parse(n.toString()).orElse(null);
        } else if (v instanceof String s) {
            d = NumberText.parse(s).orElse(null);
        }
        if (d == null) {
            throw invalid(f, f.variable() + " in input form must be a valid number");
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return s.longValueExact();
        }
        return d.doubleValue();
    }

    private static InvalidInput invalid(Field f, String message) {
        return new InvalidInput(f.variable(), message);
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
