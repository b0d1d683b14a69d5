package io.tributary.node.flow.variables;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeType;
import io.tributary.api.node.NodeTypeProperties;
import io.tributary.api.node.NodeValidationException;

import io.tributary.node.flow.DataFields;
import io.tributary.node.flow.Values;

/**
 * {@code assigner} version 2: applies {@code items[{variable_selector, input_type: variable|constant,
 * operation, value}]} in order. Operations: {@code over-write}, {@code clear}, {@code set}, {@code append},
 * {@code extend}, {@code remove-first}, {@code remove-last}, {@code +=}, {@code -=}, {@code *=}, {@code /=}.
 * The variable's type is taken from its current value. Updates are returned as described in
 * {@link VariableWrites}.
 */
@Component(name = "io.tributary.node.flow.AssignerV2NodeType", service = NodeType.class)
@NodeTypeProperties(type = "assigner", version = "2.0.0")
public final class AssignerV2NodeType implements NodeType {
    static final Set<String> OPERATIONS = Set.of("over-write", "clear", "append", "extend", "set", "+=", "-=", "*=",
            "/=", "remove-first", "remove-last");
    private static final Set<String> NO_VALUE = Set.of("clear", "remove-first", "remove-last");
    private static final Set<String> ARITHMETIC = Set.of("+=", "-=", "*=", "/=");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation. */
    record Item(List<String> target, boolean fromVariable, String operation, Object value) {
    }

    @Override
    public void validate(GraphNode node) throws NodeValidationException {
        items(node);
    }

    static List<Item> items(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        List<Item> out = new ArrayList<>();
        List<Map<String, Object>> raw = DataFields.objects(node.data(), "items", problems);
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> it = raw.get(i);
            String p = "items[" + i + "]";
            List<String> target = NodeData.selectorOf(it.get("variable_selector"));
            if (target == null) {
                problems.add(p + ".variable_selector must be a list of at least two strings");
            }
            String inputType = DataFields.string(it, "input_type");
            if (!"variable".equals(inputType) && !"constant".equals(inputType)) {
                problems.add(p + ".input_type must be 'variable' or 'constant'");
            }
            String op = DataFields.string(it, "operation");
            if (op == null || !OPERATIONS.contains(op)) {
                problems.add(p + ".operation must be one of " + new java.util.TreeSet<>(OPERATIONS));
            } else if ("variable".equals(inputType) && (op.equals("set") || ARITHMETIC.contains(op))) {
                problems.add(p + ".operation '" + op + "' takes a constant, not a variable");
            } else if ("variable".equals(inputType) && !NO_VALUE.contains(op)
                    && NodeData.selectorOf(it.get("value")) == null) {
                problems.add(p + ".value must be a variable selector (a list of at least two strings)");
            }
            out.add(new Item(target, "variable".equals(inputType), op, it.get("value")));
        }
        DataFields.throwIfAny(node, problems);
        return out;
    }

    @Override
    public NodeExecutor create(GraphNode node) throws NodeValidationException {
        List<Item> items = items(node);
        return ctx -> {
            VariableWrites writes = new VariableWrites(ctx.variables());
            for (int i = 0; i < items.size(); i++) {
                apply(items.get(i), writes, "node '" + node.id() + "': items[" + i + "]");
            }
            return writes.result(new LinkedHashMap<>(node.data()));
        };
    }

    private static void apply(Item item, VariableWrites writes, String where) throws NodeExecutionException {
        if (!writes.exists(item.target())) {
            throw new NodeExecutionException(where + ": variable " + VariableWrites.key(item.target()) + " not found",
                    "VariableNotFoundError", null);
        }
        Object current = writes.get(item.target());
        Object input = item.value();
        if (item.fromVariable() && !NO_VALUE.contains(item.operation())) {
            List<String> source = NodeData.selectorOf(input);
            if (!writes.exists(source)) {
                throw new NodeExecutionException(where + ": variable " + VariableWrites.key(source) + " not found",
                        "VariableNotFoundError", null);
            }
            input = writes.get(source);
            if (input == null) {
                return; // Dify skips the update when the input variable is empty (none)
            }
        }
        try {
            writes.put(item.target(), compute(item.operation(), current, input));
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(where + ": " + e.getMessage(), "InvalidInputValueError", null);
        }
    }

    static Object compute(String op, Object current, Object input) {
        String type = Values.typeName(current);
        return switch (op) {
            case "over-write" -> checked(current, input);
            case "set" -> {
                if (current instanceof List) {
                    throw new IllegalArgumentException("operation 'set' is not supported for " + type);
                }
                Object v = current instanceof Map && input instanceof String s ? parseObject(s) : input;
                yield checked(current, v);
            }
            case "clear" -> VariableWrites.zero(current);
            case "append" -> {
                List<Object> l = new ArrayList<>(array(op, current));
                if (input instanceof List || (!l.isEmpty() && !sameKind(l.get(0), input))) {
                    throw new IllegalArgumentException("cannot append " + Values.typeName(input) + " to " + type);
                }
                l.add(input);
                yield l;
            }
            case "extend" -> {
                List<Object> l = new ArrayList<>(array(op, current));
                if (!(input instanceof List<?> more)) {
                    throw new IllegalArgumentException("operation 'extend' needs an array value, got "
                            + Values.typeName(input));
                }
                l.addAll(more);
                yield l;
            }
            case "remove-first", "remove-last" -> {
                List<Object> l = new ArrayList<>(array(op, current));
                if (!l.isEmpty()) {
                    l.remove(op.equals("remove-first") ? 0 : l.size() - 1);
                }
                yield l;
            }
            default -> arithmetic(op, current, input);
        };
    }

    private static Object arithmetic(String op, Object current, Object input) {
        if (!(current instanceof Number a)) {
            throw new IllegalArgumentException("operation '" + op + "' is not supported for " + Values.typeName(current));
        }
        BigDecimal b = input instanceof Boolean ? null : Values.toDecimal(input);
        if (b == null) {
            throw new IllegalArgumentException("operation '" + op + "' needs a number, got '" + input + "'");
        }
        BigDecimal x = Values.decimal(a);
        boolean integral = !(a instanceof Double || a instanceof Float) && !(input instanceof Double)
                && b.stripTrailingZeros().scale() <= 0;
        BigDecimal r = switch (op) {
            case "+=" -> x.add(b);
            case "-=" -> x.subtract(b);
            case "*=" -> x.multiply(b);
            default -> {
                if (b.signum() == 0) {
                    throw new IllegalArgumentException("division by zero");
                }
                integral = false;
                yield x.divide(b, MathContext.DECIMAL64);
            }
        };
        return integral ? Values.toJsonNumber(r) : (Number) r.doubleValue();
    }

    private static List<?> array(String op, Object current) {
        if (current instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("operation '" + op + "' is not supported for " + Values.typeName(current));
    }

    /** The input must have the variable's type (any type when the variable is null). */
    private static Object checked(Object current, Object input) {
        if (current != null && input != null && !sameKind(current, input)) {
            throw new IllegalArgumentException("value of type " + Values.typeName(input)
                    + " cannot be assigned to a variable of type " + Values.typeName(current));
        }
        return input;
    }

    private static boolean sameKind(Object a, Object b) {
        return (a instanceof String && b instanceof String) || (a instanceof Number && b instanceof Number)
                || (a instanceof Boolean && b instanceof Boolean) || (a instanceof List && b instanceof List)
                || (a instanceof Map && b instanceof Map);
    }

    private static Object parseObject(String s) {
        try {
            Object v = JSON.readValue(s, Object.class);
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException("'" + s + "' is not a JSON object");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'" + s + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
