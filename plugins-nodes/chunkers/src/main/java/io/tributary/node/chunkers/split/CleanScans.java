package io.tributary.node.chunkers.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written equivalents of Dify's cleaning regexes, each one pass over the text (linear time, whatever the
 * input: user text never meets a backtracking regex here): {@code \n{3,}} → {@code \n\n};
 * {@code [\t\f\r\x20\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]{2,}} → {@code " "}; the email pattern
 * {@code [a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+} removed; and URLs {@code https?://[^\s)]+} removed with
 * Markdown images {@code !\[.*?\]\((https?://[^\s)]+)\)} kept ({@code (?dU)}: {@code .} is anything but
 * {@code \n}, {@code \s} Unicode White_Space). Each gives the same result as the regex (leftmost, non-overlapping
 * matches; greedy, or lazy where the regex is); the vectors and {@code TextCleanerTest}'s comparison with the
 * regexes check it. ({@code java.util.regex} runs the first three at only a few MB/s, and the image pattern is
 * quadratic on a line of many {@code ![}: 97 KB took 33 s.)
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

    /** Unicode White_Space, what {@code \s} matches under {@code UNICODE_CHARACTER_CLASS}. */
    static boolean isWhiteSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00a0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                || c == '\u205f' || c == '\u3000';
    }

    /** {@code [^\s)]} */
    private static boolean urlChar(char c) {
        return c != ')' && !isWhiteSpace(c);
    }

    /** The length of {@code https?://} at {@code i}, or 0. */
    private static int scheme(String t, int i) {
        if (!t.startsWith("http", i)) {
            return 0;
        }
        int j = i + 4;
        if (j < t.length() && t.charAt(j) == 's') {
            j++;
        }
        return t.startsWith("://", j) ? j + 3 - i : 0;
    }

    /**
     * URLs removed, Markdown images with an http(s) URL kept whole (Dify's {@code remove_urls_emails} after the
     * emails). As Dify does it: images are set aside behind NUL-delimited placeholders (NUL is gone from the
     * text by then), URLs are removed from the rest, the images are put back.
     */
    static String removeUrlsKeepingImages(String t) {
        List<String> images = new ArrayList<>();
        String hidden = new ImageScan(t).hide(images);
        String stripped = removeUrls(hidden);
        return images.isEmpty() ? stripped : restore(stripped, images);
    }

    /** {@code https?://[^\s)]+} removed. */
    static String removeUrls(String t) {
        int n = t.length();
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (true) {
            int p = t.indexOf("http", from);
            if (p < 0) {
                break;
            }
            int k = scheme(t, p);
            if (k == 0 || p + k >= n || !urlChar(t.charAt(p + k))) {
                from = p + 1;
                continue;
            }
            int e = p + k + 1;
            while (e < n && urlChar(t.charAt(e))) {
                e++;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(t, copied, p);
            copied = e;
            from = e;
        }
        return out == null ? t : out.append(t, copied, n).toString();
    }

    private static String restore(String t, List<String> images) {
        StringBuilder out = new StringBuilder(t.length() + images.size() * 16);
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            int j = i + 1;
            while (c == '\0' && j < n && t.charAt(j) >= '0' && t.charAt(j) <= '9') {
                j++;
            }
            if (c == '\0' && j > i + 1 && j < n && t.charAt(j) == '\0') {
                int index = Integer.parseInt(t, i + 1, j, 10);
                if (index < images.size()) {
                    out.append(images.get(index));
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Finds the Markdown images of a text in one pass. The regex's lazy {@code .*?} makes the image starting
     * at {@code ![} end at the first {@code ]} after it, on the same line, that is followed by
     * {@code (https?://[^\s)]+)}; whether a {@code ]} is followed so does not depend on the start, so the
     * scan keeps the next such {@code ]} (and the end of the URL run it looked at) while the starts move on,
     * and never looks at a character twice.
     */
    private static final class ImageScan {
        private final String t;
        private final int n;
        /** The first accepted {@code ]} at or after {@code closeFrom} ({@code n} when none), and its match end. */
        private int close = -1;
        private int closeEnd;
        /** The first character at or after {@code runFrom} that ends a URL run ({@code [^\s)]}). */
        private int runFrom = -1;
        private int runStop = -1;

        ImageScan(String t) {
            this.t = t;
            this.n = t.length();
        }

        String hide(List<String> images) {
            StringBuilder out = null;
            int copied = 0;
            int from = 0;
            int lineEnd = -1;
            while (true) {
                int s = t.indexOf("![", from);
                if (s < 0) {
                    break;
                }
                if (lineEnd < s) {
                    lineEnd = t.indexOf('\n', s);
                    if (lineEnd < 0) {
                        lineEnd = n;
                    }
                }
                if (close < s + 2) {
                    findClose(s + 2);
                }
                if (close >= lineEnd) {
                    from = s + 1;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(n);
                }
                images.add(t.substring(s, closeEnd));
                out.append(t, copied, s).append('\0').append(images.size() - 1).append('\0');
                copied = closeEnd;
                from = closeEnd;
            }
            return out == null ? t : out.append(t, copied, n).toString();
        }

        /** Sets {@code close} to the first {@code ]} at or after {@code p} followed by {@code (URL)}. */
        private void findClose(int p) {
            for (int k = t.indexOf(']', p); k >= 0; k = t.indexOf(']', k + 1)) {
                if (k + 1 < n && t.charAt(k + 1) == '(') {
                    int u = k + 2 + scheme(t, k + 2);
                    if (u > k + 2 && u < n && urlChar(t.charAt(u))) {
                        int stop = runStop(u + 1);
                        if (stop < n && t.charAt(stop) == ')') {
                            close = k;
                            closeEnd = stop + 1;
                            return;
                        }
                    }
                }
            }
            close = n;
        }

        /** The first index at or after {@code q} that is not a URL character; queries only move forward. */
        private int runStop(int q) {
            if (runStop < q || q < runFrom) {
                int e = q;
                while (e < n && urlChar(t.charAt(e))) {
                    e++;
                }
                runStop = e;
            }
            runFrom = q;
            return runStop;
        }
    }
}
