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

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
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
 * ({@link IndexWriter#updateDocuments}), commits and refreshes, so re-running a write leaves exactly one set.
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

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** Opens (or creates) the index in {@code path}. */
    public DatasetIndex(Path path) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        this.analyzer = new StandardAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter w;
        try {
            w = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        this.writer = w;
        this.searchers = new SearcherManager(writer, null);
    }

    /** The index directory. */
    public Path path() {
        return path;
    }

    /**
     * Replaces every entry of the document with these, commits and refreshes the searchers.
     *
     * @throws IllegalArgumentException when a vector's length differs from the vectors already in the index
     */
    public void replaceDocument(String documentId, List<IndexEntry> entries) throws IOException {
        List<Document> docs = new ArrayList<>(entries.size());
        for (IndexEntry e : entries) {
            docs.add(toDocument(documentId, e));
        }
        int existing = vectorDimensions();
        for (IndexEntry e : entries) {
            if (e.vector() != null && existing > 0 && e.vector().length != existing) {
                throw new IllegalArgumentException("The index holds " + existing + "-dimensional vectors; got "
                        + e.vector().length + " (was the dataset's embedding model changed?)");
            }
        }
        writer.updateDocuments(new Term(DOCUMENT_ID, documentId), docs);
        commit();
    }

    /** Removes the document's entries; commits. */
    public void deleteDocument(String documentId) throws IOException {
        writer.deleteDocuments(new Term(DOCUMENT_ID, documentId));
        commit();
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document toDocument(String documentId, IndexEntry e) {
        Document d = new Document();
        d.add(new StringField(ID, e.id(), Field.Store.YES));
        d.add(new StringField(SEGMENT_ID, e.segmentId(), Field.Store.YES));
        d.add(new StringField(DOCUMENT_ID, documentId, Field.Store.NO));
        d.add(new StringField(KIND, e.kind().name(), Field.Store.YES));
        d.add(new StringField(ENABLED, e.enabled() ? "1" : "0", Field.Store.NO));
        if (e.text() != null && !e.text().isBlank()) {
            d.add(new TextField(TEXT, e.text(), Field.Store.NO));
        }
        if (e.vector() != null) {
            d.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    /** Length of the vectors in the index, 0 when it has none. */
    public int vectorDimensions() throws IOException {
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
        IndexSearcher s = searchers.acquire();
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
        IndexSearcher s = searchers.acquire();
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
        IndexSearcher s = searchers.acquire();
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
