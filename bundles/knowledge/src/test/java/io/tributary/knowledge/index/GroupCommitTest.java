package io.tributary.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit: a write returns only once a commit holds it (a reader of the last commit on disk sees it), and one
 * commit covers every write completed before it.
 */
class GroupCommitTest {
    @TempDir
    Path tmp;

    private static Document doc(String id) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        return d;
    }

    @Test
    void oneCommitCoversEveryWriteCompletedBeforeIt() throws Exception {
        try (Directory dir = FSDirectory.open(tmp); IndexWriter writer = new IndexWriter(dir,
                new IndexWriterConfig(new StandardAnalyzer()))) {
            GroupCommit commits = new GroupCommit(writer);
            long first = writer.addDocument(doc("a"));
            long second = writer.addDocument(doc("b"));
            commits.awaitDurable(first);
            assertEquals(1, commits.commits());
            commits.awaitDurable(second);
            assertEquals(1, commits.commits(), "the first commit already held the second write");
            assertEquals(Set.of("a", "b"), committedIds(dir));
            commits.awaitDurable(writer.addDocument(doc("c")));
            assertEquals(2, commits.commits());
            assertEquals(Set.of("a", "b", "c"), committedIds(dir));
        }
    }

    @Test
    void everyConcurrentWriteIsCommittedWhenItReturns() throws Exception {
        try (DatasetIndexes indexes = new DatasetIndexes(tmp)) {
            DatasetIndex index = indexes.get("ds");
            int writers = 8;
            int documents = 40;
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(() -> {
                    for (int i = writer; i < documents; i += writers) {
                        index.replaceDocument("d" + i, DatasetIndexTest.segments("d" + i + "-", 3));
                        // what has returned is in the last commit on disk, not only in the writer's buffers
                        try (Directory dir = FSDirectory.open(index.path())) {
                            Set<String> committed = committedIds(dir);
                            for (int k = 0; k < 3; k++) {
                                if (!committed.contains("d" + i + "-" + k)) {
                                    throw new AssertionError("d" + i + "-" + k + " returned but is not committed");
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
                for (Future<Void> f : pool.invokeAll(work)) {
                    f.get();
                }
            }
            assertEquals(documents * 3, index.segmentIds().size());
        }
    }

    private static Set<String> committedIds(Directory dir) throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            Set<String> ids = new HashSet<>();
            for (var leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d)) {
                        ids.add(stored.document(d).get("id"));
                    }
                }
            }
            return ids;
        }
    }
}
