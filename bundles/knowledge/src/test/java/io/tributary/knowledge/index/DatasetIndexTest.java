package io.tributary.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene layer on a real directory: idempotent writes, deletes, persistence, vector length checks. */
class DatasetIndexTest {
    @TempDir
    Path tmp;

    static float[] unit(int dims, int hot) {
        float[] v = new float[dims];
        v[hot] = 1;
        return v;
    }

    static List<IndexEntry> segments(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new IndexEntry(prefix + i, prefix + i, IndexEntry.Kind.SEGMENT,
                        "segment " + prefix + " number " + i + " about rivers", unit(8, i % 8), true))
                .toList();
    }

    @Test
    void writingTheSameDocumentTwiceLeavesOneSetAndSurvivesAReopen() throws Exception {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.get("ds");
            index.replaceDocument("d1", segments("a", 5));
            index.replaceDocument("d1", segments("a", 5));
            index.replaceDocument("d2", segments("b", 3));
            assertEquals(8, index.segmentIds().size());
            assertEquals(8, index.fullText("rivers", 100, null).size());
            // a re-run with new ids (the store gave new ones) replaces the old set
            index.replaceDocument("d1", segments("c", 2));
            assertEquals(Set.of("b0", "b1", "b2", "c0", "c1"), index.segmentIds());
        }
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.existing("ds");
            assertEquals(Set.of("b0", "b1", "b2", "c0", "c1"), index.segmentIds());
            assertEquals(8, index.vectorDimensions());
            assertEquals("c1", index.nearest(unit(8, 1), 1, Set.of("c0", "c1")).get(0).id());
        }
    }

    @Test
    void deletingADocumentAndAnIndex() throws Exception {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.get("ds");
            index.replaceDocument("d1", segments("a", 3));
            index.replaceDocument("d2", segments("b", 2));
            index.deleteDocument("d1");
            assertEquals(Set.of("b0", "b1"), index.segmentIds());
            assertTrue(index.fullText("segment a", 10, null).stream().allMatch(h -> h.id().startsWith("b")));
            assertTrue(indexes.delete("ds"));
            assertFalse(Files.exists(tmp.resolve("ds")));
            assertNull(indexes.existing("ds"));
            assertFalse(indexes.delete("ds"));
        }
    }

    @Test
    void vectorsOfAnotherLengthAreRefusedWithTheReason() throws Exception {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.get("ds");
            index.replaceDocument("d1", segments("a", 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.replaceDocument(
                    "d2", List.of(new IndexEntry("x", "x", IndexEntry.Kind.SEGMENT, "t", new float[4], true))));
            assertTrue(e.getMessage().contains("8-dimensional"), e.getMessage());
            assertEquals(2, index.segmentIds().size());
        }
    }

    @Test
    void datasetIdsThatAreNotSafeDirectoryNamesAreRefused() {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            assertThrows(IllegalArgumentException.class, () -> indexes.get("../etc"));
            assertThrows(IllegalArgumentException.class, () -> indexes.existing("a/b"));
        }
    }

    @Test
    void bm25ScoresAreNormalisedBelowOne() throws Exception {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.get("ds");
            index.replaceDocument("d1", List.of(
                    new IndexEntry("once", "once", IndexEntry.Kind.SEGMENT, "granite quarry", null, true),
                    new IndexEntry("many", "many", IndexEntry.Kind.SEGMENT,
                            "granite granite granite granite granite granite granite quarry quarry quarry", null, true),
                    new IndexEntry("other", "other", IndexEntry.Kind.SEGMENT, "marble statue", null, true)));
            List<IndexHit> hits = index.fullText("granite quarry", 10, null);
            assertEquals(2, hits.size());
            hits.forEach(h -> assertTrue(h.score() > 0.2 && h.score() < 1.0, h.toString()));
            assertEquals(0, index.vectorDimensions());
            assertTrue(index.nearest(unit(8, 0), 3, null).isEmpty(), "an index without vectors has no neighbours");
        }
    }

    @Test
    void textIsIndexedWithoutPositionsAndAnIndexWrittenWithPositionsKeepsThem() throws Exception {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            indexes.get("fresh").replaceDocument("d1", segments("a", 2));
        }
        assertEquals(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS, textOptions(tmp.resolve("fresh")));
        // an index of an earlier version: its text field has positions, which Lucene never lets a field drop
        java.nio.file.Path legacy = tmp.resolve("legacy");
        try (var dir = org.apache.lucene.store.FSDirectory.open(legacy);
             var w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig(
                     new org.apache.lucene.analysis.standard.StandardAnalyzer()))) {
            var d = new org.apache.lucene.document.Document();
            d.add(new org.apache.lucene.document.StringField(DatasetIndex.ID, "old", org.apache.lucene.document.Field.Store.YES));
            d.add(new org.apache.lucene.document.StringField(DatasetIndex.SEGMENT_ID, "old", org.apache.lucene.document.Field.Store.YES));
            d.add(new org.apache.lucene.document.StringField(DatasetIndex.DOCUMENT_ID, "d0", org.apache.lucene.document.Field.Store.NO));
            d.add(new org.apache.lucene.document.StringField(DatasetIndex.KIND, "SEGMENT", org.apache.lucene.document.Field.Store.YES));
            d.add(new org.apache.lucene.document.StringField(DatasetIndex.ENABLED, "1", org.apache.lucene.document.Field.Store.NO));
            d.add(new org.apache.lucene.document.TextField(DatasetIndex.TEXT, "old rivers", org.apache.lucene.document.Field.Store.NO));
            w.addDocument(d);
        }
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.existing("legacy");
            index.replaceDocument("d1", segments("a", 2));
            assertEquals(3, index.fullText("rivers", 10, null).size());
        }
        assertEquals(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, textOptions(legacy));
    }

    private static org.apache.lucene.index.IndexOptions textOptions(java.nio.file.Path path) throws Exception {
        try (var dir = org.apache.lucene.store.FSDirectory.open(path);
             var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            return org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader).fieldInfo(DatasetIndex.TEXT)
                    .getIndexOptions();
        }
    }
}
