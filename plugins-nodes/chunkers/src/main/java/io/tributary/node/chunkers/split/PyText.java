package io.tributary.node.chunkers.split;

/**
 * Python {@code str} semantics the splitter depends on: length in code points ({@code len}) and
 * {@code str.strip()}'s notion of whitespace, which (unlike {@link String#strip()}) includes NBSP, U+2007,
 * U+202F and U+0085.
 */
public final class PyText {
    private PyText() {
    }

    /** Python's {@code len(s)}: code points, so an emoji counts 1 as in Dify. */
    public static int length(CharSequence s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len--;
                i++;
            }
        }
        return len;
    }

    /** Python's {@code str.isspace()} for one code point. */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || cp == 0x85 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
    }

    /** Python's {@code s.strip()}. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }
}
