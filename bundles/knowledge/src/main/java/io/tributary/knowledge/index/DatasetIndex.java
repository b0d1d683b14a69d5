package io.tributary.knowledge.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of one dataset: an open {@link IndexWriter} and a {@link SearcherManager} over it, shared by
 * every caller (both are thread-safe). Each write replaces all entries of one document atomically
 * ({@link IndexWriter#updateDocuments}), so re-running a write leaves exactly one set, and returns once a commit
 * holds it: concurrent writes share commits ({@link GroupCommit}), so the index is not committed once per
 * document. Searches refresh their view first, so they see every write that has returned.
 *
 * <p>Index settings for many small commits: the merge policy lets more segments of a size accumulate before
 * merging them ({@value #SEGMENTS_PER_TIER} per tier, Lucene's default is 10), which rewrites each entry fewer
 * times. Flushed segments stay compound files (Lucene's default): without them a commit fsyncs about ten files
 * per segment instead of three, which cost more time on a busy disk than the copy saves CPU.
 *
 * <p>Scores are normalised to 0..1:
 * <ul>
 * <li>vectors: the cosine similarity of the (L2-normalised) query and entry vectors, below 0 counted as 0
 * (Lucene's dot-product score is {@code (1 + cos) / 2});</li>
 * <li>BM25: the score divided by the largest score any document could get for this query, the sum of the idf of
 * the distinct query terms (Lucene's BM25 term score is {@code idf * tf / (tf + k1 * lengthNorm)}, which tends to
 * {@code idf} as the term frequency grows). A document holding every query term once at average length scores
 * about 0.45, one holding them many times tends to 1; terms that occur nowhere lower every score.</li>
 * </ul>
 */
public final class DatasetIndex implements Closeable {
    static final String ID = "id";
    static final String SEGMENT_ID = "segment_id";
    static final String DOCUMENT_ID = "document_id";
    static final String KIND = "kind";
    static final String ENABLED = "enabled";
    static final String TEXT = "text";
    static final String VECTOR = "vector";

    private static final Query ENABLED_ONLY = new TermQuery(new Term(ENABLED, "1"));
    static final int SEGMENTS_PER_TIER = 20;
    /** BM25 needs term frequencies and norms, no positions (no phrase queries): less to write, flush and merge. */
    private static final FieldType TEXT_FREQS = frozen(IndexOptions.DOCS_AND_FREQS);
    /** The text field of indexes written before {@link #TEXT_FREQS}: Lucene keeps a field's options for good. */
    private static final FieldType TEXT_POSITIONS = TextField.TYPE_NOT_STORED;

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final GroupCommit commits;
    /** Length of the index's vectors, 0 until the first vector is written. */
    private final AtomicInteger dimensions = new AtomicInteger();
    private final FieldType textType;

    /** Opens (or creates) the index in {@code path}. */
    public DatasetIndex(Path path) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        this.analyzer = new StandardAnalyzer();
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(SEGMENTS_PER_TIER);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setMergePolicy(merges);
        IndexWriter w;
        try {
            w = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        this.writer = w;
        this.searchers = new SearcherManager(writer, null);
        this.commits = new GroupCommit(writer);
        this.dimensions.set(readDimensions());
        this.textType = textIndexedWithPositions() ? TEXT_POSITIONS : TEXT_FREQS;
    }

    private static FieldType frozen(IndexOptions options) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(options);
        t.freeze();
        return t;
    }

    private boolean textIndexedWithPositions() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(TEXT);
                if (info != null) {
                    return info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
                }
            }
            return false;
        } finally {
            searchers.release(s);
        }
    }

    /** The index directory. */
    public Path path() {
        return path;
    }

    /**
     * Replaces every entry of the document with these; returns once they are committed.
     *
     * @throws IllegalArgumentException when a vector's length differs from the vectors already in the index
     */
    public void replaceDocument(String documentId, List<IndexEntry> entries) throws IOException {
        List<Document> docs = new ArrayList<>(entries.size());
        int length = 0;
        for (IndexEntry e : entries) {
            docs.add(toDocument(documentId, e, textType));
            if (e.vector() != null) {
                int existing = dimensions.get();
                if (existing > 0 && e.vector().length != existing) {
                    throw new IllegalArgumentException("The index holds " + existing + "-dimensional vectors; got "
                            + e.vector().length + " (was the dataset's embedding model changed?)");
                }
                length = e.vector().length;
            }
        }
        // Lucene itself refuses a second vector length for the field, also between concurrent first writes
        long seqNo = writer.updateDocuments(new Term(DOCUMENT_ID, documentId), docs);
        if (length > 0) {
            dimensions.compareAndSet(0, length);
        }
        commits.awaitDurable(seqNo);
    }

    /** Removes the document's entries; returns once that is committed. */
    public void deleteDocument(String documentId) throws IOException {
        commits.awaitDurable(writer.deleteDocuments(new Term(DOCUMENT_ID, documentId)));
    }

    /** Commits made so far; under concurrent writes fewer than the writes. */
    long commitCount() {
        return commits.commits();
    }

    /** A searcher that sees every write that has returned (refreshed when the index changed). */
    private IndexSearcher acquire() throws IOException {
        searchers.maybeRefreshBlocking();
        return searchers.acquire();
    }

    private static Document toDocument(String documentId, IndexEntry e, FieldType textType) {
        Document d = new Document();
        d.add(new StringField(ID, e.id(), Field.Store.YES));
        d.add(new StringField(SEGMENT_ID, e.segmentId(), Field.Store.YES));
        d.add(new StringField(DOCUMENT_ID, documentId, Field.Store.NO));
        d.add(new StringField(KIND, e.kind().name(), Field.Store.YES));
        d.add(new StringField(ENABLED, e.enabled() ? "1" : "0", Field.Store.NO));
        if (e.text() != null && !e.text().isBlank()) {
            d.add(new Field(TEXT, e.text(), textType));
        }
        if (e.vector() != null) {
            d.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    /** Length of the vectors in the index, 0 when it has none. */
    public int vectorDimensions() {
        return dimensions.get();
    }

    private int readDimensions() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(VECTOR);
                if (info != null && info.getVectorDimension() > 0) {
                    return info.getVectorDimension();
                }
            }
            return 0;
        } finally {
            searchers.release(s);
        }
    }

    /** Ids of the segments in the index (enabled or not). */
    public Set<String> segmentIds() throws IOException {
        IndexSearcher s = acquire();
        try {
            Query q = new TermQuery(new Term(KIND, IndexEntry.Kind.SEGMENT.name()));
            int n = Math.max(1, s.count(q));
            TopDocs top = s.search(q, n);
            StoredFields stored = s.storedFields();
            Set<String> ids = new HashSet<>();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(stored.document(sd.doc).get(SEGMENT_ID));
            }
            return ids;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * BM25 search over enabled entries' text.
     *
     * @param limit       hits at most
     * @param onlyIds     restrict to entries with these ids ({@code null}: all)
     */
    public List<IndexHit> fullText(String query, int limit, Collection<String> onlyIds) throws IOException {
        List<String> terms = terms(query);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        IndexSearcher s = acquire();
        try {
            BooleanQuery.Builder match = new BooleanQuery.Builder();
            for (String t : terms) {
                match.add(new TermQuery(new Term(TEXT, t)), Occur.SHOULD);
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder()
                    .add(match.build(), Occur.MUST)
                    .add(ENABLED_ONLY, Occur.FILTER);
            if (onlyIds != null) {
                q.add(idsQuery(onlyIds), Occur.FILTER);
            }
            double best = bestPossible(s.getIndexReader(), s, terms);
            if (best <= 0) {
                return List.of();
            }
            TopDocs top = s.search(q.build(), limit);
            return hits(s, top, score -> Math.min(1.0, score / best));
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Nearest enabled entries by vector (cosine on normalised vectors).
     *
     * @param onlyIds restrict to entries with these ids ({@code null}: all); with a small set the search is exact
     * @throws IllegalArgumentException when the query vector's length differs from the index's
     */
    public List<IndexHit> nearest(float[] vector, int k, Collection<String> onlyIds) throws IOException {
        if (k <= 0) {
            return List.of();
        }
        int dims = vectorDimensions();
        if (dims == 0) {
            return List.of();
        }
        if (dims != vector.length) {
            throw new IllegalArgumentException("The index holds " + dims + "-dimensional vectors but the query "
                    + "vector has " + vector.length + " (was the dataset's embedding model changed?)");
        }
        IndexSearcher s = acquire();
        try {
            Query filter = ENABLED_ONLY;
            if (onlyIds != null) {
                filter = new BooleanQuery.Builder().add(ENABLED_ONLY, Occur.FILTER)
                        .add(idsQuery(onlyIds), Occur.FILTER).build();
            }
            TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k);
            return hits(s, top, score -> Math.max(0.0, 2.0 * score - 1.0));
        } finally {
            searchers.release(s);
        }
    }

    private static Query idsQuery(Collection<String> ids) {
        List<BytesRef> refs = new ArrayList<>(ids.size());
        for (String id : ids) {
            refs.add(new BytesRef(id));
        }
        return new TermInSetQuery(ID, refs);
    }

    private static List<IndexHit> hits(IndexSearcher s, TopDocs top, java.util.function.DoubleUnaryOperator norm)
            throws IOException {
        StoredFields stored = s.storedFields();
        List<IndexHit> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            out.add(new IndexHit(d.get(ID), d.get(SEGMENT_ID), IndexEntry.Kind.valueOf(d.get(KIND)),
                    norm.applyAsDouble(sd.score)));
        }
        return out;
    }

    /** Sum of the BM25 idf of the distinct terms: the bound that BM25 scores approach. */
    private static double bestPossible(IndexReader reader, IndexSearcher s, List<String> terms) throws IOException {
        CollectionStatistics stats = s.collectionStatistics(TEXT);
        if (stats == null) {
            return 0;
        }
        long n = stats.docCount();
        double sum = 0;
        for (String t : terms) {
            long df = reader.docFreq(new Term(TEXT, t));
            sum += Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return sum;
    }

    /** The distinct terms of a query as the index analyses text. */
    List<String> terms(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return List.copyOf(terms);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the index in " + path, e);
        }
    }
}
