package io.tributary.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dify's truncation of large values in records and events ({@code services/variable_truncator.py},
 * {@code VariableTruncator.truncate_variable_mapping}): the {@code inputs}, {@code process_data} or
 * {@code outputs} mapping of a node execution is cut to fit {@link #maxSize()} bytes of JSON text, keeping its
 * structure, and the caller records the {@code *_truncated} flag next to it. The rules, as Dify's:
 * <ul>
 *   <li>The mapping's budget is {@code maxSize}; each key in turn gets an equal share of what is left
 *       ({@code (budget - used) / keys left}). A key reached once the budget is spent gets {@code "..."}.</li>
 *   <li>A string within its share is kept whole; a longer one keeps its first
 *       {@code min(stringLength, share - 5)} characters followed by {@code "..."} ({@code "..."} alone when the
 *       share is under 5).</li>
 *   <li>A list keeps at most {@code arrayLength} elements, each cut to what is left of the list's share; it
 *       ends where the share is spent.</li>
 *   <li>An object's keys are visited in sorted order, each value getting an equal share of what is left; keys
 *       are never cut, and the object ends where the share is spent.</li>
 *   <li>Numbers, booleans, {@code null} and Dify file objects are kept as they are.</li>
 *   <li>Sizes are Dify's estimate of the JSON text: a string counts its length plus 2 (no escapes).</li>
 * </ul>
 * Where Dify drops the flag (a key past the budget, a list ended by its share) the result here is flagged
 * truncated. A value that needs no cut is returned as it is (the same object, not a copy).
 *
 * @param stringLength longest string kept ({@code WORKFLOW_VARIABLE_TRUNCATION_STRING_LENGTH})
 * @param arrayLength  most list elements kept ({@code WORKFLOW_VARIABLE_TRUNCATION_ARRAY_LENGTH})
 * @param maxSize      budget of one mapping in bytes of JSON text ({@code WORKFLOW_VARIABLE_TRUNCATION_MAX_SIZE})
 */
public record ValueTruncation(int stringLength, int arrayLength, long maxSize) {
    /** Dify's defaults: 100,000 characters, 1,000 elements, 1,024,000 bytes. */
    public static final ValueTruncation DIFY = new ValueTruncation(100_000, 1_000, 1_024_000);

    private static final String ELLIPSIS = "...";
    private static final String FILE_IDENTITY = "__dify__file__";

    public ValueTruncation {
        if (stringLength <= 3) {
            throw new IllegalArgumentException("stringLength must be greater than 3");
        }
        if (arrayLength <= 0 || maxSize <= 0) {
            throw new IllegalArgumentException("arrayLength and maxSize must be positive");
        }
    }

    /**
     * A mapping cut to the rules, and whether anything was cut.
     *
     * @param value     the mapping itself when nothing was cut, else an unmodifiable cut copy
     * @param truncated the {@code *_truncated} flag
     */
    public record Result(Map<String, Object> value, boolean truncated) {
    }

    private record Part(Object value, long size, boolean truncated) {
    }

    /** The mapping ({@code inputs}, {@code process_data} or {@code outputs}) cut to fit {@link #maxSize()}. */
    @SuppressWarnings("unchecked")
    public Result truncate(Map<String, ?> mapping) {
        if (mapping == null || mapping.isEmpty()) {
            return new Result(mapping == null ? Map.of() : (Map<String, Object>) mapping, false);
        }
        long budget = maxSize;
        boolean truncated = false;
        Map<String, Object> out = new LinkedHashMap<>();
        int length = mapping.size();
        int done = 0;
        long used = 0;
        for (Map.Entry<String, ?> e : mapping.entrySet()) {
            used += jsonSize(e.getKey());
            if (used > budget) {
                out.put(e.getKey(), ELLIPSIS);
                truncated = true;
                done++;
                continue;
            }
            long share = (budget - used) / (length - done);
            Part p = part(e.getValue(), share);
            out.put(e.getKey(), p.value());
            truncated |= p.truncated();
            used += p.size();
            done++;
        }
        return truncated ? new Result(Collections.unmodifiableMap(out), true)
                : new Result((Map<String, Object>) mapping, false);
    }

    private Part part(Object v, long target) {
        return switch (v) {
            case String s -> string(s, target);
            case List<?> l -> list(l, target);
            case Map<?, ?> m -> isFile(m) ? new Part(m, jsonSize(m), false) : object(m, target);
            case null, default -> new Part(v, jsonSize(v), false);
        };
    }

    private Part string(String s, long target) {
        long size = jsonSize(s);
        if (size < target) {
            return new Part(s, size, false);
        }
        if (target < 5) {
            return new Part(ELLIPSIS, 5, true);
        }
        int keep = (int) Math.min(stringLength, target - 5);
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--; // never split a surrogate pair
        }
        String cut = s.substring(0, keep) + ELLIPSIS;
        return new Part(cut, jsonSize(cut), true);
    }

    private Part list(List<?> l, long target) {
        List<Object> out = new ArrayList<>(Math.min(l.size(), arrayLength));
        boolean truncated = false;
        long used = 2;
        int i = 0;
        for (Object item : l) {
            if (item instanceof Map<?, ?> m && isFile(m)) {
                out.add(item);
                i++;
                continue;
            }
            if (i >= arrayLength) {
                truncated = true;
                break;
            }
            if (i > 0) {
                used++;
            }
            if (used > target) {
                truncated = true;
                break;
            }
            Part p = part(item, target - used);
            out.add(p.value());
            used += p.size();
            truncated |= p.truncated();
            i++;
        }
        return truncated ? new Part(Collections.unmodifiableList(out), used, true) : new Part(l, used, false);
    }

    private Part object(Map<?, ?> m, long target) {
        if (m.isEmpty()) {
            return new Part(m, 2, false);
        }
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        Map<String, Object> out = new LinkedHashMap<>();
        boolean truncated = false;
        long used = 2;
        int i = 0;
        int n = sorted.size();
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (used > target) {
                truncated = true;
                break;
            }
            long pair = (i > 0 ? 1 : 0) + jsonSize(e.getKey()) + 1;
            long share = Math.max(0, (target - pair - used) / (n - i));
            if (share <= 0) {
                truncated = true;
                break;
            }
            Part p = part(e.getValue(), share);
            out.put(e.getKey(), p.value());
            used += pair + p.size();
            truncated |= p.truncated();
            i++;
        }
        return truncated ? new Part(Collections.unmodifiableMap(out), used, true) : new Part(m, used, false);
    }

    private static boolean isFile(Map<?, ?> m) {
        return FILE_IDENTITY.equals(m.get("dify_model_identity"));
    }

    /**
     * Dify's estimate of the size of a value's JSON text ({@code calculate_json_size}): a string counts its
     * length plus 2, a number its decimal text, {@code true}/{@code false}/{@code null} 4/5/4, lists and
     * objects their brackets, commas, colons and parts.
     */
    public static long jsonSize(Object v) {
        return switch (v) {
            case null -> 4;
            case String s -> s.length() + 2L;
            case Boolean b -> b ? 4 : 5;
            case List<?> l -> {
                long total = 2;
                int i = 0;
                for (Object o : l) {
                    total += (i++ > 0 ? 1 : 0) + jsonSize(o);
                }
                yield total;
            }
            case Map<?, ?> m -> {
                long total = 2;
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    total += (i++ > 0 ? 1 : 0) + String.valueOf(e.getKey()).length() + 2 + 1 + jsonSize(e.getValue());
                }
                yield total;
            }
            default -> String.valueOf(v).length();
        };
    }
}
