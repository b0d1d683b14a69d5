package io.tributary.node.chunkers.split;

/**
 * Turns a delimiter as typed in Dify's UI into the text it means: the backslash escapes {@code \n}, {@code \t},
 * {@code \r}, {@code \\}, {@code \'}, {@code \"}, {@code \a}, {@code \b}, {@code \f}, {@code \v}, {@code \0},
 * {@code \xhh}, {@code \}{@code uXXXX} and {@code \UXXXXXXXX} are decoded; every other character is kept as it is.
 *
 * <p>Dify runs the delimiter through Python's {@code codecs.decode(sep, "unicode_escape")}, which decodes the
 * UTF-8 bytes of non-ASCII characters as Latin-1, so {@code 。} becomes {@code ã\x80\x82} and never matches.
 * Here non-ASCII characters pass through unchanged; for ASCII delimiters the result is the same as Dify's.
 */
public final class DelimiterEscapes {
    private DelimiterEscapes() {
    }

    public static String decode(String delimiter) {
        if (delimiter.indexOf('\\') < 0) {
            return delimiter;
        }
        StringBuilder out = new StringBuilder(delimiter.length());
        int i = 0;
        int n = delimiter.length();
        while (i < n) {
            char c = delimiter.charAt(i);
            if (c != '\\' || i + 1 == n) {
                out.append(c);
                i++;
                continue;
            }
            char e = delimiter.charAt(i + 1);
            int width = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (width > 0) {
                long cp = hex(delimiter, i + 2, width);
                if (cp >= 0 && Character.isValidCodePoint((int) cp) && cp <= Character.MAX_CODE_POINT) {
                    out.appendCodePoint((int) cp);
                    i += 2 + width;
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            String simple = switch (e) {
                case 'n' -> "\n";
                case 't' -> "\t";
                case 'r' -> "\r";
                case '\\' -> "\\";
                case '\'' -> "'";
                case '"' -> "\"";
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'v' -> "\u000B";
                case '0' -> "\0";
                default -> null;
            };
            if (simple == null) {
                out.append(c);
                i++;
            } else {
                out.append(simple);
                i += 2;
            }
        }
        return out.toString();
    }

    private static long hex(String s, int from, int width) {
        if (from + width > s.length()) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < from + width; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
