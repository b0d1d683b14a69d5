package io.tributary.node.flow.branch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.tributary.node.flow.Substrings;
import io.tributary.node.flow.Values;

/**
 * Dify's comparison operators ({@code if-else}, {@code loop} break conditions), with Dify's semantics: a
 * missing or {@code null} actual value makes most operators false ({@code not contains}, {@code not in},
 * {@code null}, {@code empty} true); a value of the wrong type is an error, not a silent false.
 */
public final class Operators {
    public static final Set<String> ALL = Set.of("contains", "not contains", "start with", "end with", "is", "is not",
            "empty", "not empty", "in", "not in", "all of", "=", "≠", ">", "<", "≥", "≤", "null", "not null",
            "exists", "not exists");
    /** Operators that take no expected value. */
    static final Set<String> UNARY = Set.of("empty", "not empty", "null", "not null", "exists", "not exists");

    private Operators() {
    }

    /** The operator's result; {@link IllegalArgumentException} with a readable message on a type mismatch. */
    static boolean apply(String op, Object actual, Object expected) {
        return switch (op) {
            case "contains" -> Values.truthy(actual) && contains(op, actual, expected);
            case "not contains" -> !Values.truthy(actual) || !contains(op, actual, expected);
            case "start with" -> Values.truthy(actual) && string(op, actual).startsWith(expectedString(op, expected));
            case "end with" -> Values.truthy(actual) && string(op, actual).endsWith(expectedString(op, expected));
            case "is" -> actual != null && is(op, actual, expected);
            case "is not" -> actual != null && !is(op, actual, expected);
            case "empty" -> !Values.truthy(actual);
            case "not empty" -> Values.truthy(actual);
            case "=" -> actual != null && compare(op, actual, expected) == 0;
            case "≠" -> actual != null && compare(op, actual, expected) != 0;
            case ">" -> actual != null && compare(op, actual, expected) > 0;
            case "<" -> actual != null && compare(op, actual, expected) < 0;
            case "≥" -> actual != null && compare(op, actual, expected) >= 0;
            case "≤" -> actual != null && compare(op, actual, expected) <= 0;
            case "null", "not exists" -> actual == null;
            case "not null", "exists" -> actual != null;
            case "in" -> actual != null && Values.containsLoose(expectedList(op, expected), actual);
            case "not in" -> actual == null || !Values.containsLoose(expectedList(op, expected), actual);
            case "all of" -> Values.truthy(actual) && allOf(op, actual, expected);
            default -> throw new IllegalArgumentException("unsupported comparison operator '" + op + "'");
        };
    }

    private static boolean contains(String op, Object actual, Object expected) {
        if (actual instanceof String s) {
            return Substrings.contains(s, expected == null ? "None" : stringOf(expected));
        }
        if (actual instanceof List<?> l) {
            return Values.containsLoose(l, expected);
        }
        throw wrongType(op, "a string or an array", actual);
    }

    private static boolean is(String op, Object actual, Object expected) {
        if (actual instanceof String || actual instanceof Boolean || actual instanceof Number) {
            return Values.looseEquals(actual, expected);
        }
        throw wrongType(op, "a string, number or boolean", actual);
    }

    private static int compare(String op, Object actual, Object expected) {
        if (actual instanceof Boolean b && (op.equals("=") || op.equals("≠"))) {
            return b == Values.truthy(expected instanceof String s ? Values.parseBoolean(s) : expected) ? 0 : 1;
        }
        if (!(actual instanceof Number n)) {
            throw wrongType(op, "a number", actual);
        }
        BigDecimal e = Values.toDecimal(expected);
        if (e == null) {
            throw new IllegalArgumentException("operator '" + op + "' cannot compare with '" + expected
                    + "': not a number");
        }
        return Values.decimal(n).compareTo(e);
    }

    private static boolean allOf(String op, Object actual, Object expected) {
        List<?> wanted = expectedList(op, expected);
        if (actual instanceof String s) {
            return wanted.stream().allMatch(w -> Substrings.contains(s, stringOf(w)));
        }
        if (actual instanceof List<?> l) {
            return wanted.stream().allMatch(w -> Values.containsLoose(l, w));
        }
        return false;
    }

    private static String string(String op, Object actual) {
        if (actual instanceof String s) {
            return s;
        }
        throw wrongType(op, "a string", actual);
    }

    private static String expectedString(String op, Object expected) {
        if (expected instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("operator '" + op + "' needs a text value, got " + Values.typeName(expected));
    }

    private static List<?> expectedList(String op, Object expected) {
        if (expected instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("operator '" + op + "' needs an array value, got "
                + Values.typeName(expected));
    }

    private static String stringOf(Object v) {
        return String.valueOf(v);
    }

    private static IllegalArgumentException wrongType(String op, String wanted, Object actual) {
        return new IllegalArgumentException("operator '" + op + "' needs " + wanted + " variable, got "
                + Values.typeName(actual));
    }
}
