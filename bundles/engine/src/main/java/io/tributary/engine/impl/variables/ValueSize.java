package io.tributary.engine.impl.variables;

import java.util.List;
import java.util.Map;

/**
 * Estimates the size of a JSON-shaped value as the UTF-8 length of its JSON text, without building the text
 * (used for the maximum variable size). Stops counting once past {@code limit}.
 */
public final class ValueSize {
    private ValueSize() {
    }

    /** The estimated size, or some value above {@code limit} once it is exceeded. */
    public static long of(Object value, long limit) {
        return size(value, 0, limit);
    }

    private static long size(Object v, long acc, long limit) {
        if (acc > limit) {
            return acc;
        }
        return switch (v) {
            case null -> acc + 4;
            case String s -> acc + utf8(s) + 2;
            case Map<?, ?> m -> {
                long a = acc + 2;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    a = size(e.getValue(), a + utf8(String.valueOf(e.getKey())) + 4, limit);
                    if (a > limit) {
                        break;
                    }
                }
                yield a;
            }
            case List<?> l -> {
                long a = acc + 2;
                for (Object o : l) {
                    a = size(o, a + 2, limit);
                    if (a > limit) {
                        break;
                    }
                }
                yield a;
            }
            default -> acc + String.valueOf(v).length();
        };
    }

    static long utf8(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
