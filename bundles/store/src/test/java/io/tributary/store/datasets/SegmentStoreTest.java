package io.tributary.store.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.ChildChunkRecord;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.DatasetStore;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.Page;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

/** Segments and child chunks: replacement, word counts, listing, lookups by id. */
@BothDatabases
class SegmentStoreTest extends StoreTestBase {
    private DatasetStore store;
    private Dataset dataset;
    private DocumentRecord doc;

    @Override
    protected void openStores(Database database) {
        store = new JdbcDatasetStore(database);
        dataset = store.createDataset(DatasetStoreTest.newDataset("Manuals", "dsl"));
        doc = store.createDocuments(dataset.id(), "b", null, DocumentStoreTest.files("a.txt"),
                DocumentStoreTest.RUN).get(0);
    }

    @Test
    void writtenSegmentsReadBackWithChildrenInOrder() throws Exception {
        Instant indexedAt = Instant.parse("2025-08-01T12:30:00.123456Z");
        List<SegmentRecord> written = store.replaceSegments(doc.id(), List.of(
                new NewSegment("Parent one.", null, List.of("child a", "child b")),
                new NewSegment("Parent two. 日本語", null, List.of("c"))), indexedAt);

        assertEquals(2, written.size());
        SegmentRecord first = written.get(0);
        assertEquals(1, first.position());
        assertEquals(2, written.get(1).position());
        assertEquals(dataset.id(), first.datasetId());
        assertEquals(doc.id(), first.documentId());
        assertEquals("Parent one.", first.content());
        assertNull(first.answer());
        assertEquals(11, first.wordCount());
        assertEquals(15, written.get(1).wordCount(), "characters, not bytes");
        assertEquals("completed", first.status());
        assertTrue(first.enabled());
        assertEquals(indexedAt, first.completedAt());
        assertEquals(List.of(), first.keywords());
        assertEquals(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("Parent one.".getBytes(java.nio.charset.StandardCharsets.UTF_8))), first.indexNodeHash());
        assertEquals(List.of("child a", "child b"), first.childChunks().stream().map(ChildChunkRecord::content).toList());
        ChildChunkRecord childA = first.childChunks().get(0);
        assertEquals(first.id(), childA.segmentId());
        assertEquals(1, childA.position());
        assertEquals(7, childA.wordCount());
        assertEquals("automatic", childA.type());

        Page<SegmentRecord> page = store.segments(doc.id(), null, 1, 20);
        assertEquals(written, page.data());
        assertEquals(2, page.total());
        assertEquals(26, store.document(doc.id()).orElseThrow().wordCount());
    }

    @Test
    void segmentCountsAreCountedPerDocumentInOneCall() {
        store.replaceSegments(doc.id(), List.of(new NewSegment("a", null, null), new NewSegment("b", null, null),
                new NewSegment("c", null, null)), null);

        Map<String, Long> counts = store.segmentCounts(List.of(doc.id(), "no-such-document"));

        assertEquals(Map.of(doc.id(), 3L, "no-such-document", 0L), counts);
        assertEquals(Map.of(), store.segmentCounts(List.of()));
    }

    @Test
    void qaWordCountAddsTheAnswer() {
        List<SegmentRecord> written = store.replaceSegments(doc.id(),
                List.of(new NewSegment("What is it?", "A store.", null)), null);

        assertEquals("A store.", written.get(0).answer());
        assertEquals(19, written.get(0).wordCount());
        assertNull(written.get(0).completedAt());
        assertEquals(written, store.segments(doc.id(), null, 1, 5).data());
        assertEquals(19, store.document(doc.id()).orElseThrow().wordCount());
    }

    @Test
    void replacingIsIdempotentAndLeavesExactlyOneSet() {
        List<NewSegment> segments = List.of(new NewSegment("one", null, List.of("1a", "1b")),
                new NewSegment("two", null, List.of("2a")));

        List<SegmentRecord> before = store.replaceSegments(doc.id(), segments, null);
        List<SegmentRecord> after = store.replaceSegments(doc.id(), segments, null);

        Page<SegmentRecord> stored = store.segments(doc.id(), null, 1, 20);
        assertEquals(2, stored.total());
        assertEquals(after, stored.data());
        assertEquals(Set.copyOf(after.stream().map(SegmentRecord::id).toList()),
                Set.copyOf(store.segmentIds(dataset.id())));
        assertTrue(store.segmentsById(before.stream().map(SegmentRecord::id).toList()).isEmpty(),
                "the first set is gone");
        assertEquals(6, store.document(doc.id()).orElseThrow().wordCount());

        store.replaceSegments(doc.id(), List.of(), null);
        assertEquals(0, store.segments(doc.id(), null, 1, 20).total());
        assertEquals(0, store.document(doc.id()).orElseThrow().wordCount());
        assertEquals(List.of(), store.segmentIds(dataset.id()));
    }

    @Test
    void concurrentReplacementsLeaveOneWholeSet() throws Exception {
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<SegmentRecord>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int n = w + 1;
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.replaceSegments(doc.id(), IntStream.rangeClosed(1, n)
                            .mapToObj(i -> new NewSegment("writer " + n + " segment " + i, null, List.of("c" + i)))
                            .toList(), null);
                }));
            }
            start.countDown();
            List<List<SegmentRecord>> results = new ArrayList<>();
            for (Future<List<SegmentRecord>> f : futures) {
                results.add(f.get());
            }
            List<SegmentRecord> stored = store.segments(doc.id(), null, 1, 100).data();
            assertTrue(results.contains(stored), "the stored set is exactly one writer's set");
            assertEquals(stored.stream().mapToInt(SegmentRecord::wordCount).sum(),
                    store.document(doc.id()).orElseThrow().wordCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownDocumentOrBadSegmentIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> store.replaceSegments("nope", List.of(new NewSegment("x", null, null)), null));
        assertThrows(IllegalArgumentException.class,
                () -> store.replaceSegments(doc.id(), List.of(new NewSegment(null, null, null)), null));
        store.replaceSegments(doc.id(), List.of(new NewSegment("kept", null, null)), null);
        assertThrows(IllegalArgumentException.class, () -> store.replaceSegments(doc.id(),
                List.of(new NewSegment("fine", null, null), new NewSegment(null, "answer", null)), null));
        assertEquals(List.of("kept"), store.segments(doc.id(), null, 1, 5).data().stream()
                .map(SegmentRecord::content).toList(), "a refused replacement changes nothing");
    }

    @Test
    void listPagesAndFiltersByKeyword() {
        store.replaceSegments(doc.id(), IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new NewSegment((i % 2 == 0 ? "Even" : "odd") + " segment " + i, null, null))
                .toList(), null);

        Page<SegmentRecord> p2 = store.segments(doc.id(), null, 2, 3);
        assertEquals(List.of(4, 5, 6), p2.data().stream().map(SegmentRecord::position).toList());
        assertEquals(7, p2.total());
        assertTrue(p2.hasMore());
        assertFalse(store.segments(doc.id(), null, 3, 3).hasMore());

        Page<SegmentRecord> even = store.segments(doc.id(), "EVEN", 1, 2);
        assertEquals(3, even.total());
        assertEquals(List.of(2, 4), even.data().stream().map(SegmentRecord::position).toList());
        assertEquals(0, store.segments(doc.id(), "%", 1, 10).total(), "% is literal");
        assertEquals(0, store.segments("nope", null, 1, 10).total());
        assertThrows(IllegalArgumentException.class, () -> store.segments(doc.id(), null, 1, 0));
    }

    @Test
    void segmentsByIdLeaveUnknownOut() {
        DocumentRecord other = store.createDocuments(dataset.id(), "b2", null, DocumentStoreTest.files("b.txt"),
                null).get(0);
        List<SegmentRecord> a = store.replaceSegments(doc.id(), List.of(new NewSegment("a1", null, List.of("x")),
                new NewSegment("a2", null, null)), null);
        List<SegmentRecord> b = store.replaceSegments(other.id(), List.of(new NewSegment("b1", null, null)), null);

        List<SegmentRecord> found = new ArrayList<>(store.segmentsById(
                List.of(a.get(0).id(), b.get(0).id(), "unknown", a.get(0).id())));
        found.sort(Comparator.comparing(SegmentRecord::content));

        assertEquals(List.of(a.get(0), b.get(0)), found);
        assertEquals(List.of("x"), found.get(0).childChunks().stream().map(ChildChunkRecord::content).toList());
        assertEquals(List.of(), store.segmentsById(List.of()));
        assertEquals(3, store.segmentIds(dataset.id()).size());
    }

    @Test
    void manySegmentsByIdAcrossInListChunks() {
        List<SegmentRecord> written = store.replaceSegments(doc.id(), IntStream.range(0, 1203)
                .mapToObj(i -> new NewSegment("segment " + i, null, null)).toList(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        List<SegmentRecord> found = store.segmentsById(written.stream().map(SegmentRecord::id).toList());

        assertEquals(1203, found.size());
        assertEquals(Set.copyOf(written), Set.copyOf(found));
    }
}
