package io.tributary.node.chunkers.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The cleaner's linear scans give what Dify's regexes give (compared on many generated texts made of the
 * pieces the rules look for), and every rule gets through an adversarial 1 MB line quickly (the timeout is a
 * guard against quadratic behaviour, not a benchmark: the old image regex took 33 s on 97 KB).
 */
class TextCleanerTest {
    private static final Pattern MD_IMAGE = Pattern.compile("(?dU)!\\[.*?\\]\\((https?://[^\\s)]+)\\)");
    private static final Pattern URL = Pattern.compile("(?U)https?://[^\\s)]+");
    private static final Pattern NEWLINES = Pattern.compile("\\n{3,}");
    private static final Pattern SPACES = Pattern.compile(
            "[\\t\\f\\r\\x20\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]{2,}");
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+");
    private static final int MB = 1 << 20;

    /** The URL rule as it was written with regexes (and as Dify writes it). */
    private static String regexUrls(String t) {
        List<String> images = new ArrayList<>();
        Matcher m = MD_IMAGE.matcher(t);
        StringBuilder hidden = new StringBuilder(t.length());
        while (m.find()) {
            images.add(m.group());
            m.appendReplacement(hidden, "\0" + (images.size() - 1) + "\0");
        }
        m.appendTail(hidden);
        String out = URL.matcher(hidden).replaceAll("");
        for (int i = 0; i < images.size(); i++) {
            out = out.replace("\0" + i + "\0", images.get(i));
        }
        return out;
    }

    private static final String[] PIECES = {"![", "]", "(", ")", "](", "http://", "https://", "http", "s", ":",
        "/", "a", "b.c", " ", "\n", "\u00a0", "\u2028", "\t", "@", ".", "-", "x@y.z", "![a](http://i.png)",
        "\u3000", "é", "\uD83D\uDE00"};

    private static String generated(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(24);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void everyScanGivesWhatItsRegexGives() {
        Random r = new Random(20261204);
        for (int i = 0; i < 50_000; i++) {
            String t = generated(r);
            assertEquals(regexUrls(t), CleanScans.removeUrlsKeepingImages(t), () -> "urls of " + escape(t));
            assertEquals(URL.matcher(t).replaceAll(""), CleanScans.removeUrls(t), () -> "bare urls of " + escape(t));
            assertEquals(NEWLINES.matcher(t).replaceAll("\n\n"), CleanScans.collapseNewlines(t), () -> escape(t));
            assertEquals(SPACES.matcher(t).replaceAll(" "), CleanScans.collapseSpaces(t), () -> escape(t));
            assertEquals(EMAIL.matcher(t).replaceAll(""), CleanScans.removeEmails(t), () -> "emails of " + escape(t));
        }
    }

    @Test
    void imagesAreKeptAndUrlsRemovedOnOrdinaryText() {
        TextCleaner c = new TextCleaner(false, true);
        assertEquals("see  and ![logo](https://x.org/l.png) or mail ",
                c.clean("see https://x.org/a?b=1 and ![logo](https://x.org/l.png) or mail ann@x.org"));
        assertEquals("(), ![a](http://a)\n![b](https://b)", c.clean("(http://u), ![a](http://a)\n![b](https://b)"));
    }

    private static void linear(String name, String line, UnaryOperator<String> rule) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> rule.apply(line), name);
    }

    private static String repeat(String unit) {
        return unit.repeat(MB / unit.length());
    }

    @Test
    void everyRuleGetsThroughAdversarialMegabyteLines() {
        TextCleaner all = new TextCleaner(true, true);
        List<String> lines = List.of(repeat("!["), repeat("![a]("), repeat("![a](http://"), repeat("](http://a"),
                repeat("![a](http://a"), repeat("![]()"), repeat("http://"), repeat("https:/"), repeat("http"),
                repeat("a@"), repeat("a@b"), repeat("a.@b-"), repeat("a@b."), repeat("@a"), "a".repeat(MB) + "@",
                repeat(" \u00a0"), repeat("\n"), repeat("<|"), repeat("|>"), repeat("\u0001a"));
        for (String line : lines) {
            String name = escape(line.substring(0, 12)) + "...";
            linear(name + " images/urls", line, CleanScans::removeUrlsKeepingImages);
            linear(name + " emails", line, CleanScans::removeEmails);
            linear(name + " spaces", line, CleanScans::collapseSpaces);
            linear(name + " newlines", line, CleanScans::collapseNewlines);
            linear(name + " always", line, TextCleaner::alwaysOn);
            linear(name + " all rules", line, all::clean);
        }
    }

    private static String escape(String s) {
        return s.replace("\0", "\\0").replace("\n", "\\n");
    }
}
