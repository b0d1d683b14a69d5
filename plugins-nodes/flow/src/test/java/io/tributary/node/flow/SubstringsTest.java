package io.tributary.node.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Linear substring search: the answers of String.contains, without its quadratic worst case. */
class SubstringsTest {
    private static String random(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(r.nextInt(8) == 0 ? 'b' : 'a');
        }
        return sb.toString();
    }

    @Test
    void answersAsStringContainsDoes() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String text = random(r, r.nextInt(300));
            String part = r.nextBoolean() && text.length() > 0
                    ? text.substring(r.nextInt(text.length()), text.length()) : random(r, r.nextInt(150));
            assertEquals(text.contains(part), Substrings.contains(text, part), () -> text + " / " + part);
        }
        assertTrue(Substrings.contains("abc", ""));
        assertFalse(Substrings.contains("", "a"));
    }

    @Test
    void aLongNeedleThatAlmostMatchesEverywhereIsQuick() {
        // String.contains takes about 46 s on this pair; the guard only catches a quadratic search.
        String text = "a".repeat(400_000);
        String part = "a".repeat(100_000) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertFalse(Substrings.contains(text, part)));
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertTrue(Substrings.contains(text + "b", part)));
    }
}
