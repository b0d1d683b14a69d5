package io.tributary.node.chunkers.split;

/**
 * Hand-written equivalents of three of Dify's cleaning regexes, which {@link java.util.regex} runs at only a
 * few MB/s on large text: {@code \n{3,}} → {@code \n\n}; {@code [\t\f\r\x20\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]{2,}}
 * → {@code " "}; and the email pattern {@code [a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+} removed. Each gives
 * the same result as the regex (leftmost, greedy, non-overlapping matches); the vectors check it.
 */
final class CleanScans {
    private CleanScans() {
    }

    static String collapseNewlines(String t) {
        int first = t.indexOf("\n\n\n");
        if (first < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        out.append(t, 0, first);
        int i = first;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '\n') {
                int j = i;
                while (j < n && t.charAt(j) == '\n') {
                    j++;
                }
                out.append(j - i >= 3 ? "\n\n" : t.substring(i, j));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\u00a0' || c == '\u1680' || c == '\u180e'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    static String collapseSpaces(String t) {
        int n = t.length();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < n; i++) {
            if (!isSpace(t.charAt(i)) || i + 1 >= n || !isSpace(t.charAt(i + 1))) {
                continue;
            }
            int j = i + 2;
            while (j < n && isSpace(t.charAt(j))) {
                j++;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(t, copied, i).append(' ');
            copied = j;
            i = j - 1;
        }
        if (out == null) {
            return t;
        }
        return out.append(t, copied, n).toString();
    }

    private static boolean local(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == '+' || c == '-';
    }

    private static boolean domain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    static String removeEmails(String t) {
        int at = t.indexOf('@');
        if (at < 0) {
            return t;
        }
        StringBuilder out = null;
        int copied = 0; // end of the previous match: a match cannot start before it
        int n = t.length();
        while (at >= 0) {
            int start = at;
            while (start > copied && local(t.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < n && domain(t.charAt(end))) {
                end++;
            }
            boolean ok = start < at && end > at + 1 && end + 1 < n && t.charAt(end) == '.'
                    && (domain(t.charAt(end + 1)) || t.charAt(end + 1) == '.');
            if (ok) {
                end++;
                while (end < n && (domain(t.charAt(end)) || t.charAt(end) == '.')) {
                    end++;
                }
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(t, copied, start);
                copied = end;
                at = t.indexOf('@', end);
            } else {
                at = t.indexOf('@', at + 1);
            }
        }
        if (out == null) {
            return t;
        }
        return out.append(t, copied, n).toString();
    }
}
