package io.tributary.node.flow.list;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Component;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeContext;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeResult;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.DataFields;
import io.tributary.node.flow.Values;
import io.tributary.node.flow.branch.Condition;

/**
 * {@code list-operator}: takes the array at {@code variable} and applies, in Dify's order,
 * {@code filter_by{enabled, conditions[{key, comparison_operator, value}]}}, {@code extract_by{enabled,
 * serial}} (1-based, may be a template), {@code order_by{enabled, key, value: asc|desc}} and
 * {@code limit{enabled, size}} (-1: no limit). Outputs {@code result}, {@code first_record},
 * {@code last_record}.
 */
@Component(name = "io.tributary.node.flow.ListOperatorNodeType", service = NodeType.class)
@NodeTypeProperties(type = "list-operator", version = "1.0.0")
public final class ListOperatorNodeType implements NodeType {

    /** The parsed node data. */
    record Spec(List<String> variable, List<Map<String, Object>> filters, String serial, String orderKey,
                boolean orderEnabled, boolean descending, Long limit) {
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        spec(node);
    }

    static Spec spec(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> d = node.data();
        List<String> variable = NodeData.selectorOf(d.get("variable"));
        if (variable == null) {
            problems.add("'variable' must be a list of at least two strings");
        }
        Map<String, Object> filter = DataFields.object(d, "filter_by", "filter_by", problems);
        List<Map<String, Object>> filters = List.of();
        if (DataFields.bool(filter, "enabled", false, "filter_by.enabled", problems)) {
            filters = DataFields.objects(filter, "conditions", "filter_by.conditions", problems);
            for (int i = 0; i < filters.size(); i++) {
                String op = DataFields.string(filters.get(i), "comparison_operator");
                if (op == null || !(ListFilter.STRING_OPS.contains(op) || ListFilter.NUMBER_OPS.contains(op))) {
                    problems.add("filter_by.conditions[" + i + "].comparison_operator '" + op + "' is not supported");
                }
            }
        }
        Map<String, Object> extract = DataFields.object(d, "extract_by", "extract_by", problems);
        String serial = null;
        if (DataFields.bool(extract, "enabled", false, "extract_by.enabled", problems)) {
            Object s = extract.get("serial");
            serial = s == null ? "1" : String.valueOf(s);
        }
        Map<String, Object> order = DataFields.object(d, "order_by", "order_by", problems);
        boolean orderEnabled = DataFields.bool(order, "enabled", false, "order_by.enabled", problems);
        Object direction = order.getOrDefault("value", "asc");
        if (orderEnabled && !"asc".equals(direction) && !"desc".equals(direction)) {
            problems.add("order_by.value must be 'asc' or 'desc'");
        }
        Map<String, Object> limit = DataFields.object(d, "limit", "limit", problems);
        Long size = null;
        if (DataFields.bool(limit, "enabled", false, "limit.enabled", problems)) {
            size = DataFields.integer(limit, "size", -1L, "limit.size", problems);
            if (size < -1) {
                problems.add("limit.size must be -1 (no limit) or more");
            }
        }
        DataFields.throwIfAny(node, problems);
        return new Spec(variable, filters, serial, DataFields.string(order, "key"), orderEnabled,
                "desc".equals(direction), size != null && size >= 0 ? size : null);
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        Spec spec = spec(node);
        return ctx -> run(spec, ctx);
    }

    private static NodeResult run(Spec spec, NodeContext ctx) throws NodeExecutionException {
        String where = "node '" + ctx.node().id() + "'";
        if (!ctx.variables().contains(spec.variable())) {
            throw new NodeExecutionException(where + ": variable not found for selector "
                    + String.join(".", spec.variable()), "VariableNotFoundError", null);
        }
        Object value = ctx.variables().get(spec.variable());
        if (value != null && !(value instanceof List)) {
            throw new NodeExecutionException(where + ": variable " + String.join(".", spec.variable())
                    + " is not an array, actual type: " + Values.typeName(value), "InvalidVariableTypeError", null);
        }
        List<Object> items = value == null ? new ArrayList<>() : new ArrayList<>((List<?>) value);
        Map<String, Object> inputs = Map.of("variable", items);
        if (!items.isEmpty()) {
            String kind = kind(items);
            try {
                for (Map<String, Object> f : spec.filters()) {
                    Object v = f.get("value") instanceof String s ? ctx.variables().render(s) : f.get("value");
                    Predicate<Object> p = ListFilter.build(kind, DataFields.string(f, "key"),
                            DataFields.string(f, "comparison_operator"), v);
                    items.removeIf(p.negate());
                }
                if (spec.serial() != null) {
                    items = extract(items, ctx.variables().render(spec.serial()));
                }
                if (spec.orderEnabled()) {
                    Comparator<Object> c = comparator(kind, spec.orderKey());
                    items.sort(spec.descending() ? c.reversed() : c);
                }
            } catch (IllegalArgumentException e) {
                throw new NodeExecutionException(where + ": " + e.getMessage(), "ListOperatorError", null);
            }
            if (spec.limit() != null && items.size() > spec.limit()) {
                items = new ArrayList<>(items.subList(0, spec.limit().intValue()));
            }
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("result", items);
        outputs.put("first_record", items.isEmpty() ? null : items.get(0));
        outputs.put("last_record", items.isEmpty() ? null : items.get(items.size() - 1));
        return NodeResult.of(inputs, outputs);
    }

    private static List<Object> extract(List<Object> items, String serial) {
        int n;
        try {
            n = Integer.parseInt(serial.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("extract_by.serial '" + serial + "' is not an integer");
        }
        if (n < 1) {
            throw new IllegalArgumentException("Invalid serial index: must be >= 1, got " + n);
        }
        if (n > items.size()) {
            throw new IllegalArgumentException("Invalid serial index: must be <= " + items.size() + ", got " + n);
        }
        return new ArrayList<>(List.of(items.get(n - 1)));
    }

    /** The element kind: string, number, boolean, file, object (or any when mixed). */
    static String kind(List<Object> items) {
        String kind = null;
        for (Object o : items) {
            String k = o instanceof String ? "string" : o instanceof Number ? "number" : o instanceof Boolean ? "boolean"
                    : Values.isFile(o) ? "file" : o instanceof Map ? "object" : "any";
            if (o == null) {
                continue;
            }
            if (kind != null && !kind.equals(k)) {
                return "any";
            }
            kind = k;
        }
        return kind == null ? "any" : kind;
    }

    private static Comparator<Object> comparator(String kind, String key) {
        Comparator<Object> natural = ListOperatorNodeType::compareValues;
        return switch (kind) {
            case "string", "number", "boolean" -> Comparator.nullsFirst(natural);
            case "file" -> {
                if (key == null || !Condition.FILE_KEYS.contains(key)) {
                    throw new IllegalArgumentException("order_by.key '" + key + "' is not one of " + Condition.FILE_KEYS);
                }
                yield Comparator.comparing(f -> Values.fileAttribute(f, key), Comparator.nullsFirst(natural));
            }
            case "object" -> {
                if (key == null || key.isEmpty()) {
                    throw new IllegalArgumentException("ordering an array of objects needs order_by.key");
                }
                yield Comparator.comparing(o -> ((Map<?, ?>) o).get(key), Comparator.nullsFirst(natural));
            }
            default -> throw new IllegalArgumentException("cannot order an array of mixed types");
        };
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Values.decimal(x).compareTo(Values.decimal(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
