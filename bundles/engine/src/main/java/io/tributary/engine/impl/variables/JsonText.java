package io.tributary.engine.impl.variables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Renders JSON-shaped values as text the way Dify does (Python's {@code json.dumps(ensure_ascii=False)}):
 * {@code ", "} and {@code ": "} separators, non-ASCII kept, floats with a fraction ({@code 1.0}).
 */
public final class JsonText {
    private JsonText() {
    }

    /** The value as template text: strings as they are, {@code null} as empty, everything else as JSON. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    /** The value as JSON text. */
    public static String json(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    static void write(StringBuilder sb, Object value) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b ? "true" : "false");
            case Double d -> number(sb, d);
            case Float f -> number(sb, f.doubleValue());
            case BigDecimal d -> sb.append(d.toPlainString());
            case Number n -> sb.append(n);
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(sb, l.get(i));
                }
                sb.append(']');
            }
            default -> string(sb, value.toString());
        }
    }

    private static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d);
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
