package io.tributary.node.chunkers.split;

/**
 * Dify core's {@code remove_leading_symbols}, applied to every general chunk before it is stripped: removes a
 * leading run of General Punctuation (U+2000–U+206F), Supplemental Punctuation (U+2E00–U+2E7F), CJK Symbols and
 * Punctuation (U+3000–U+303F) and the ASCII symbols {@code "#$%&'()*+,./:;<=>?@^_`~}. ({@code - [ ] ! { | } \}
 * are not in the set, so Markdown list items and images keep their start; headings lose their {@code #}.)
 */
public final class LeadingSymbols {
    private static final String ASCII = "\"#$%&'()*+,./:;<=>?@^_`~";

    private LeadingSymbols() {
    }

    public static String remove(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean symbol = (c >= 0x2000 && c <= 0x206F) || (c >= 0x2E00 && c <= 0x2E7F)
                    || (c >= 0x3000 && c <= 0x303F) || ASCII.indexOf(c) >= 0;
            if (!symbol) {
                break;
            }
            i++;
        }
        return i == 0 ? text : text.substring(i);
    }
}
