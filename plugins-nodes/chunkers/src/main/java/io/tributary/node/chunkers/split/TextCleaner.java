package io.tributary.node.chunkers.split;

/**
 * Dify's {@code CleanProcessor.clean} (reference §6.4). Always: {@code <|} → {@code <}, {@code |>} → {@code >},
 * control characters ({@code \x00-\x08 \x0B \x0C \x0E-\x1F \x7F}) and U+FFFE removed. Optional rules, both
 * applied when both are on: {@code remove_extra_spaces} ({@code \n{3,}} → {@code \n\n}, runs of two or more
 * spaces/tabs/NBSP/... → one space) and {@code remove_urls_emails} (emails, then {@code http(s)://} URLs removed,
 * Markdown images {@code ![alt](url)} kept whole).
 *
 * <p>Two deliberate differences from Dify: its character class {@code [...\xEF\xBF\xBE]} (meant as the UTF-8
 * bytes of U+FFFE) also deletes the letters {@code ï ¿ ¾}; here they are kept. And Dify rewrites a preserved
 * image's alt text to {@code image}; here the alt text is kept.
 *
 * <p>Every rule is a single linear scan ({@link CleanScans}), so no input makes cleaning slower than reading it
 * (Dify's regexes, run by {@code java.util.regex}, are quadratic on a line of many {@code ![}).
 */
public final class TextCleaner {
    private final boolean removeExtraSpaces;
    private final boolean removeUrlsEmails;

    public TextCleaner(boolean removeExtraSpaces, boolean removeUrlsEmails) {
        this.removeExtraSpaces = removeExtraSpaces;
        this.removeUrlsEmails = removeUrlsEmails;
    }

    public String clean(String text) {
        String t = alwaysOn(text);
        if (removeExtraSpaces) {
            t = CleanScans.collapseNewlines(t);
            t = CleanScans.collapseSpaces(t);
        }
        if (removeUrlsEmails) {
            t = CleanScans.removeEmails(t);
            if (!t.contains("http://") && !t.contains("https://")) {
                return t;
            }
            t = CleanScans.removeUrlsKeepingImages(t);
        }
        return t;
    }

    /** The cleaning Dify always applies, in one pass. */
    static String alwaysOn(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean drop = c <= 0x08 || c == 0x0B || c == 0x0C || (c >= 0x0E && c <= 0x1F) || c == 0x7F
                    || c == 0xFFFE;
            char replacement = 0;
            int skip = 0;
            if (c == '<' && i + 1 < n && text.charAt(i + 1) == '|') {
                replacement = '<';
                skip = 1;
            } else if (c == '|' && i + 1 < n && text.charAt(i + 1) == '>') {
                replacement = '>';
                skip = 1;
            }
            if (!drop && skip == 0) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
                out.append(text, 0, i);
            }
            if (!drop) {
                out.append(replacement);
            }
            i += skip;
        }
        return out == null ? text : out.toString();
    }
}
