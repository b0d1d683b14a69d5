package io.tributary.node.flow;

/**
 * Substring search in time linear in the text, for conditions where both sides are user data (a document's
 * text {@code contains} another variable). {@link String#contains} is quadratic in the worst case: a 400 KB
 * text of {@code a} and a 100 KB needle {@code a…ab} take 46 s, on an engine thread no stop can end. Short
 * needles use {@code String.indexOf} (its worst case is then bounded by the needle length); longer ones
 * Knuth–Morris–Pratt.
 */
public final class Substrings {
    /** Needles up to this length go to {@link String#indexOf(String)}. */
    private static final int SHORT = 64;

    private Substrings() {
    }

    /** {@code text.contains(part)}, in time linear in {@code text.length() + part.length()}. */
    public static boolean contains(String text, String part) {
        int m = part.length();
        if (m <= SHORT || m > text.length()) {
            return m <= text.length() && text.contains(part);
        }
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && part.charAt(i) != part.charAt(k)) {
                k = fail[k - 1];
            }
            if (part.charAt(i) == part.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = 0, k = 0, n = text.length(); i < n; i++) {
            while (k > 0 && text.charAt(i) != part.charAt(k)) {
                k = fail[k - 1];
            }
            if (text.charAt(i) == part.charAt(k)) {
                k++;
                if (k == m) {
                    return true;
                }
            }
        }
        return false;
    }
}
