package io.tributary.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Dify's {@code VariableTruncator.truncate_variable_mapping} rules, case by case. */
class ValueTruncationTest {
    private static final ValueTruncation DIFY = ValueTruncation.DIFY;

    @Test
    void difysDefaultLimits() {
        assertEquals(100_000, DIFY.stringLength());
        assertEquals(1_000, DIFY.arrayLength());
        assertEquals(1_024_000, DIFY.maxSize());
    }

    @Test
    void aMappingWithinTheLimitsIsReturnedAsItIs() {
        Map<String, Object> m = Map.of("text", "hello", "n", 3, "ok", true, "list", List.of(1, 2, 3));
        ValueTruncation.Result r = DIFY.truncate(m);
        assertFalse(r.truncated());
        assertSame(m, r.value());
    }

    @Test
    void aDocumentsTextKeepsItsFirst100000CharactersAndIsFlagged() {
        ValueTruncation.Result r = DIFY.truncate(Map.of("text", "a".repeat(5_000_000)));
        assertTrue(r.truncated());
        assertEquals("a".repeat(100_000) + "...", r.value().get("text"));
    }

    @Test
    void aStringWithinItsShareIsKeptWholeEvenPastTheStringLength() {
        // Dify cuts a string only when it does not fit its share of the budget
        String text = "b".repeat(500_000);
        ValueTruncation.Result r = DIFY.truncate(Map.of("text", text));
        assertFalse(r.truncated());
        assertSame(text, r.value().get("text"));
    }

    @Test
    void eachKeyGetsAnEqualShareOfWhatIsLeft() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "x".repeat(600_000)); // share (1024000 - 3) / 2 = 511998: cut
        m.put("b", "y".repeat(400_000)); // share of what is left: fits
        ValueTruncation.Result r = DIFY.truncate(m);
        assertTrue(r.truncated());
        assertEquals(100_003, ((String) r.value().get("a")).length());
        assertEquals(400_000, ((String) r.value().get("b")).length());
        assertEquals(List.of("a", "b"), List.copyOf(r.value().keySet()));
    }

    @Test
    void aChunkListKeepsItsFirst1000Elements() {
        List<Object> chunks = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            chunks.add(Map.of("content", "chunk " + i));
        }
        ValueTruncation.Result r = DIFY.truncate(Map.of("chunks", chunks));
        assertTrue(r.truncated());
        List<?> kept = (List<?>) r.value().get("chunks");
        assertEquals(1000, kept.size());
        assertEquals(Map.of("content", "chunk 999"), kept.get(999));
    }

    @Test
    void objectsAreVisitedInSortedKeyOrderAndEachValueCutToItsShare() {
        ValueTruncation t = new ValueTruncation(10, 3, 50);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", "y".repeat(30));
        inner.put("a", "x".repeat(30));
        ValueTruncation.Result r = t.truncate(Map.of("k", inner));
        assertTrue(r.truncated());
        Map<?, ?> cut = (Map<?, ?>) r.value().get("k");
        assertEquals(List.of("a", "b"), List.copyOf(cut.keySet()));
        assertEquals("xxxxxxxxxx...", cut.get("a"));
        assertEquals("yyyyyyyyyy...", cut.get("b"));
    }

    @Test
    void aListEndsWhereItsShareIsSpent() {
        ValueTruncation t = new ValueTruncation(10, 100, 20);
        // share (20 - 3) = 17: "[" "aaaa" ... each element 6 + comma
        ValueTruncation.Result r = t.truncate(Map.of("l", List.of("aaaa", "bbbb", "cccc", "dddd")));
        assertTrue(r.truncated());
        List<?> kept = (List<?>) r.value().get("l");
        assertEquals(List.of("aaaa", "bbbb", "..."), kept.subList(0, 3));
    }

    @Test
    void aShareUnderFiveBytesLeavesOnlyTheEllipsis() {
        ValueTruncation t = new ValueTruncation(10, 3, 6);
        ValueTruncation.Result r = t.truncate(Map.of("s", "long string"));
        assertTrue(r.truncated());
        assertEquals("...", r.value().get("s"));
    }

    @Test
    void keysPastTheBudgetBecomeAnEllipsis() {
        ValueTruncation t = new ValueTruncation(10, 3, 10);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a-long-key-name", 1);
        m.put("b", 2);
        ValueTruncation.Result r = t.truncate(m);
        assertTrue(r.truncated());
        assertEquals("...", r.value().get("a-long-key-name"));
        assertEquals("...", r.value().get("b"));
    }

    @Test
    void scalarsAndFilesAreNeverCut() {
        ValueTruncation t = new ValueTruncation(10, 3, 400);
        Map<String, Object> file = Map.of("dify_model_identity", "__dify__file__", "filename", "f".repeat(100));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 12345);
        m.put("b", false);
        m.put("z", null);
        m.put("files", List.of(file));
        ValueTruncation.Result r = t.truncate(m);
        assertFalse(r.truncated());
        assertSame(m, r.value());
    }

    @Test
    void sizesAreDifysEstimateOfTheJsonText() {
        assertEquals(7, ValueTruncation.jsonSize("hello"));
        assertEquals(4, ValueTruncation.jsonSize(null));
        assertEquals(4, ValueTruncation.jsonSize(true));
        assertEquals(5, ValueTruncation.jsonSize(false));
        assertEquals(3, ValueTruncation.jsonSize(123));
        assertEquals(7, ValueTruncation.jsonSize(List.of(1, 2, 3)));
        assertEquals(13, ValueTruncation.jsonSize(Map.of("a", 1, "b", 2))); // {"a":1,"b":2}
    }
}
