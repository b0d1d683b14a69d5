package io.tributary.api.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.api.model.GraphNode;

/**
 * Reads a node's JSON-shaped {@code data} for a {@link NodeType}: text, numbers, booleans, enums, variable
 * selectors ({@code ["node", "var"]}), Dify templates ({@code {{#node.var#}}}), Dify parameters
 * ({@code {type: mixed|variable|constant, value}}) and nested objects and lists.
 *
 * <p>A reader never throws while reading: a value of the wrong shape is recorded as a problem naming its field
 * (a path such as {@code tool_parameters.max_length.value} or {@code items[2].name}) and the read returns the default
 * ({@code null} when there is none). {@link #throwIfInvalid()} then throws one {@link NodeValidationException} with
 * every problem, each {@code node '<id>': '<field>' <what is wrong>}, so an import reports them all at once. Nested
 * readers ({@link #object}, {@link #objects}) share their parent's problems.
 *
 * <pre>{@code
 * NodeData d = NodeData.of(node);
 * MyType type = d.requiredEnum("provider_type", MyType.class, MyType::wireName);
 * List<String> selector = d.requiredSelector("variable_selector");
 * int max = d.integer("max_length", 1024);
 * d.throwIfInvalid();
 * }</pre>
 */
public final class NodeData {
    /** A Dify variable reference in a template (graphon's {@code VARIABLE_PATTERN}). */
    public static final Pattern REFERENCE =
            Pattern.compile("\\{\\{#([a-zA-Z0-9_]{1,50}(?:\\.[a-zA-Z_][a-zA-Z0-9_]{0,29}){1,10})#\\}\\}");

    private final String nodeId;
    private final String path;
    private final Map<String, ?> data;
    private final List<String> problems;

    private NodeData(String nodeId, String path, Map<String, ?> data, List<String> problems) {
        this.nodeId = nodeId;
        this.path = path;
        this.data = data == null ? Map.of() : data;
        this.problems = problems;
    }

    /** A reader of {@code node.data()}. */
    public static NodeData of(GraphNode node) {
        return of(node.id(), node.data());
    }

    /** A reader of any map (a node's data, a variable's value), problems naming node {@code nodeId}. */
    public static NodeData of(String nodeId, Map<String, ?> data) {
        return new NodeData(nodeId, "", data, new ArrayList<>());
    }

    // ---- the map itself

    /** The node the problems name. */
    public String nodeId() {
        return nodeId;
    }

    /** Whether {@code field} is present and not {@code null}. */
    public boolean has(String field) {
        return data.get(field) != null;
    }

    /** The raw value at {@code field}, or {@code null}. */
    public Object raw(String field) {
        return data.get(field);
    }

    /** The map this reader reads (unmodified). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return (Map<String, Object>) data;
    }

    /** The full path of {@code field} as problems name it. */
    public String path(String field) {
        return path + field;
    }

    // ---- scalars

    /** The text at {@code field}, or {@code null} when absent; a problem when it is not text. */
    public String string(String field) {
        Object v = data.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problem(field, "must be text");
        return null;
    }

    /** The text at {@code field}, or {@code dflt} when absent or of the wrong type. */
    public String string(String field, String dflt) {
        String s = string(field);
        return s == null ? dflt : s;
    }

    /** The text at {@code field} with surrounding blanks removed; {@code null} when absent or blank. */
    public String text(String field) {
        String s = string(field);
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Like {@link #text}, with a problem {@code 'field' is required} when absent or blank. */
    public String requiredText(String field) {
        String s = text(field);
        if (s == null && !problemAt(field)) {
            problem(field, "is required");
        }
        return s;
    }

    /**
     * The integer at {@code field}: a whole JSON number or text holding one ({@code "512"}); {@code dflt} when
     * absent or blank text; a problem when it is something else.
     */
    public int integer(String field, int dflt) {
        Integer i = integer(field);
        return i == null ? dflt : i;
    }

    /** Like {@link #integer(String, int)}, {@code null} when absent or wrong. */
    public Integer integer(String field) {
        Object v = data.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        Integer i = integerOf(v);
        if (i == null) {
            problem(field, "must be an integer, got '" + v + "'");
        }
        return i;
    }

    /** A whole number as an int ({@code 3}, {@code 3.0}, {@code "3"}), or {@code null} when it is not one. */
    public static Integer integerOf(Object v) {
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).strip());
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        } catch (NumberFormatException e) {
            // not a number
        }
        return null;
    }

    /**
     * The boolean at {@code field}: a JSON boolean, {@code 0}/{@code 1}, or text {@code true/false/1/0/yes/no/on/off};
     * {@code dflt} when absent or blank; a problem when it is something else.
     */
    public boolean bool(String field, boolean dflt) {
        Object v = data.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return dflt;
        }
        Boolean b = boolOf(v);
        if (b == null) {
            problem(field, "must be true or false, got '" + v + "'");
            return dflt;
        }
        return b;
    }

    /** A value read as a boolean as {@link #bool} does, or {@code null} when it is not one. */
    public static Boolean boolOf(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() == 1 ? Boolean.TRUE : n.doubleValue() == 0 ? Boolean.FALSE : null;
        }
        return switch (String.valueOf(v).strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * The constant of {@code type} whose wire name ({@code wireName}) is the text at {@code field}; {@code null}
     * when absent (or blank); a problem {@code 'field' 'x' is not one of a, b, c} when it names none.
     */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, Function<E, String> wireName) {
        String s = string(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (wireName.apply(e).equals(s)) {
                return e;
            }
        }
        problem(field, "'" + s + "' is not one of " + String.join(", ", wireNames(type, wireName)));
        return null;
    }

    /** Like {@link #enumValue}, with a problem {@code 'field' is required (a, b or c)} when absent. */
    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type, Function<E, String> wireName) {
        E e = enumValue(field, type, wireName);
        if (e == null && !problemAt(field)) {
            List<String> names = wireNames(type, wireName);
            String choices = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                    + " or " + names.get(names.size() - 1);
            problem(field, "is required (" + choices + ")");
        }
        return e;
    }

    private static <E extends Enum<E>> List<String> wireNames(Class<E> type, Function<E, String> wireName) {
        return Arrays.stream(type.getEnumConstants()).map(wireName).toList();
    }

    // ---- selectors and templates

    /**
     * The variable selector at {@code field} ({@code ["node", "var", ...]}, at least two strings), or {@code null}
     * when absent; a problem when it is something else.
     */
    public List<String> selector(String field) {
        Object v = data.get(field);
        if (v == null) {
            return null;
        }
        List<String> s = selectorOf(v);
        if (s == null) {
            problem(field, "must be a variable selector (a list of at least two strings)");
        }
        return s;
    }

    /** Like {@link #selector}, with the same problem when absent. */
    public List<String> requiredSelector(String field) {
        List<String> s = selector(field);
        if (s == null && !problemAt(field)) {
            problem(field, "must be a variable selector (a list of at least two strings)");
        }
        return s;
    }

    /** A value as a variable selector (a list of at least two strings, copied), or {@code null}. */
    public static List<String> selectorOf(Object v) {
        if (v instanceof List<?> l && l.size() >= 2 && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        return null;
    }

    /**
     * The Dify template at {@code field} (text that may hold {@code {{#node.var#}}} references), or {@code null}
     * when absent; a problem when it is not text. Render it with {@link Variables#render}.
     */
    public String template(String field) {
        Object v = data.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problem(field, "must be a template (text with {{#node.var#}} references)");
        return null;
    }

    /** The selectors a template references, in order ({@code {{#a.b.c#}}} → {@code [a, b, c]}). */
    public static List<List<String>> references(String template) {
        List<List<String>> out = new ArrayList<>();
        if (template != null) {
            Matcher m = REFERENCE.matcher(template);
            while (m.find()) {
                out.add(List.of(m.group(1).split("\\.")));
            }
        }
        return out;
    }

    /** The selector when the whole template (blanks aside) is exactly one reference, else {@code null}. */
    public static List<String> soleReference(String template) {
        if (template == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(template.strip());
        return m.matches() ? List.of(m.group(1).split("\\.")) : null;
    }

    // ---- Dify parameters {type, value}

    /**
     * One Dify parameter: {@code constant} (the value itself), {@code variable} (a selector) or {@code mixed} (a
     * template).
     */
    public record Parameter(String type, Object value) {
        public static final String CONSTANT = "constant";
        public static final String VARIABLE = "variable";
        public static final String MIXED = "mixed";

        public Parameter {
            Objects.requireNonNull(type, "type");
        }

        /** A constant. */
        public static Parameter constant(Object value) {
            return new Parameter(CONSTANT, value);
        }

        /** Whether the value is known before the run: a constant, or a template without references. */
        public boolean knownAtImport() {
            return CONSTANT.equals(type) || (MIXED.equals(type) && references((String) value).isEmpty());
        }

        /** The value for a run: constants as they are, selectors read, templates rendered to text. */
        @SuppressWarnings("unchecked")
        public Object resolve(Variables variables) {
            if (value == null) {
                return null;
            }
            return switch (type) {
                case MIXED -> variables.render((String) value);
                case VARIABLE -> variables.get((List<String>) value);
                default -> value;
            };
        }

        /** Like {@link #resolve}, but a template that is exactly one reference yields that variable's value. */
        public Object resolveValue(Variables variables) {
            if (MIXED.equals(type) && soleReference((String) value) != null) {
                return variables.get(soleReference((String) value));
            }
            return resolve(variables);
        }
    }

    /**
     * The parameters at {@code field}: {@code {name: {type: mixed|variable|constant, value}}}, in order; an empty map
     * when absent. A {@code variable} value must be a selector and a {@code mixed} one text, else a problem.
     *
     * @param plainAllowed whether an entry may be a plain value (read as a constant), as in Dify's
     *                     {@code tool_configurations}; else it is a problem
     */
    public Map<String, Parameter> parameters(String field, boolean plainAllowed) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        NodeData params = object(field);
        for (Map.Entry<String, Object> e : params.map().entrySet()) {
            String name = e.getKey();
            String at = name + ".";
            if (e.getValue() instanceof Map<?, ?> m && m.containsKey("type") && m.containsKey("value")) {
                Object value = m.get("value");
                String type = String.valueOf(m.get("type"));
                switch (type) {
                    case Parameter.CONSTANT -> out.put(name, new Parameter(type, value));
                    case Parameter.MIXED -> {
                        if (value != null && !(value instanceof String)) {
                            params.problem(at + "value", "must be a template string for type mixed");
                        } else {
                            out.put(name, new Parameter(type, value));
                        }
                    }
                    case Parameter.VARIABLE -> {
                        List<String> selector = selectorOf(value);
                        if (selector == null) {
                            params.problem(at + "value", "must be a selector (a list of at least two strings) for"
                                    + " type variable");
                        } else {
                            out.put(name, new Parameter(type, selector));
                        }
                    }
                    default -> params.problem(at + "type", "must be mixed, variable or constant, got '" + type + "'");
                }
            } else if (plainAllowed) {
                out.put(name, Parameter.constant(e.getValue()));
            } else {
                params.problem(name, "must be an object {type: mixed|variable|constant, value}");
            }
        }
        return out;
    }

    // ---- nested objects and lists

    /**
     * A reader of the object at {@code field} (an empty one when absent; a problem when not an object). Its
     * problems name {@code field.<name>}.
     */
    public NodeData object(String field) {
        Object v = data.get(field);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) m;
            return new NodeData(nodeId, path(field) + ".", typed, problems);
        }
        if (v != null) {
            problem(field, "must be an object");
        }
        return new NodeData(nodeId, path(field) + ".", Map.of(), problems);
    }

    /** The list at {@code field}, or an empty list when absent; a problem when not a list. */
    public List<Object> list(String field) {
        Object v = data.get(field);
        if (v instanceof List<?> l) {
            return List.copyOf(l.stream().map(o -> o).toList());
        }
        if (v != null) {
            problem(field, "must be a list");
        }
        return List.of();
    }

    /** The list of text at {@code field}; a problem for each element that is not text (it is skipped). */
    public List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        List<Object> l = list(field);
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof String s) {
                out.add(s);
            } else {
                problem(field + "[" + i + "]", "must be text");
            }
        }
        return out;
    }

    /** Readers of the objects in the list at {@code field}; a problem for each element that is not an object. */
    public List<NodeData> objects(String field) {
        List<NodeData> out = new ArrayList<>();
        List<Object> l = list(field);
        for (int i = 0; i < l.size(); i++) {
            String at = path(field) + "[" + i + "]";
            if (l.get(i) instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) m;
                out.add(new NodeData(nodeId, at + ".", typed, problems));
            } else {
                problems.add("'" + at + "' must be an object");
            }
        }
        return out;
    }

    // ---- problems

    /** Records a problem of {@code field}: {@code 'field' <message>}. For checks of the node type's own. */
    public void problem(String field, String message) {
        problems.add("'" + path(field) + "' " + message);
    }

    private boolean problemAt(String field) {
        String prefix = "'" + path(field) + "' ";
        return problems.stream().anyMatch(p -> p.startsWith(prefix));
    }

    /** The problems so far, each {@code 'field' <what is wrong>} (without the node). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Whether a problem was found. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** Throws every problem so far, each prefixed {@code node '<id>': }; returns when there is none. */
    public void throwIfInvalid() throws NodeValidationException {
        if (!problems.isEmpty()) {
            throw new NodeValidationException(problems.stream().map(p -> "node '" + nodeId + "': " + p).toList());
        }
    }
}
