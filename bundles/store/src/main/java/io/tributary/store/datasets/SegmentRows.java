package io.tributary.store.datasets;

import static io.tributary.store.db.SqlTimes.instant;
import static io.tributary.store.db.SqlTimes.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tributary.api.store.dto.ChildChunkRecord;
import io.tributary.api.store.dto.NewSegment;
import io.tributary.api.store.dto.Page;
import io.tributary.api.store.dto.SegmentRecord;
import io.tributary.store.db.JsonColumns;

/** The SQL of tables {@code segments} and {@code child_chunks}. */
final class SegmentRows {
    static final String COMPLETED = "completed";
    static final String AUTOMATIC = "automatic";
    /** Ids per {@code IN (...)} list, well below both databases' parameter limits. */
    private static final int IN_CHUNK = 500;
    private static final String COLUMNS = "id, dataset_id, document_id, position, content, answer, word_count,"
            + " tokens, keywords, index_node_hash, status, enabled, created_at, completed_at";
    private static final String CHILD_COLUMNS = "id, segment_id, document_id, dataset_id, position, content,"
            + " word_count, type, created_at";

    private SegmentRows() {
    }

    /** The segment records to write: ids, positions from 1, word counts, hashes, child chunks. */
    static List<SegmentRecord> build(String datasetId, String documentId, List<NewSegment> segments, Instant now,
                                     Instant indexedAt) {
        List<SegmentRecord> out = new ArrayList<>(segments.size());
        int position = 1;
        for (NewSegment s : segments) {
            if (s == null || s.content() == null) {
                throw new IllegalArgumentException("segment " + position + " has no content");
            }
            String id = io.tributary.api.model.TimeOrderedIds.next();
            List<ChildChunkRecord> children = new ArrayList<>(s.childChunks().size());
            int childPosition = 1;
            for (String child : s.childChunks()) {
                children.add(new ChildChunkRecord(io.tributary.api.model.TimeOrderedIds.next(), id, childPosition++, child,
                        Text.characters(child), AUTOMATIC, now));
            }
            out.add(new SegmentRecord(id, datasetId, documentId, position++, s.content(), s.answer(),
                    Text.characters(s.content()) + Text.characters(s.answer()), 0, List.of(),
                    Text.sha256(s.content()), COMPLETED, true, now, indexedAt, children));
        }
        return out;
    }

    static void deleteOfDocument(Connection c, String documentId) throws SQLException {
        Text.update(c, "DELETE FROM child_chunks WHERE document_id = ?", documentId);
        Text.update(c, "DELETE FROM segments WHERE document_id = ?", documentId);
    }

    static void deleteOfDataset(Connection c, String datasetId) throws SQLException {
        Text.update(c, "DELETE FROM child_chunks WHERE dataset_id = ?", datasetId);
        Text.update(c, "DELETE FROM segments WHERE dataset_id = ?", datasetId);
    }

    static void insert(Connection c, List<SegmentRecord> segments) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO segments (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SegmentRecord s : segments) {
                ps.setString(1, s.id());
                ps.setString(2, s.datasetId());
                ps.setString(3, s.documentId());
                ps.setInt(4, s.position());
                ps.setString(5, s.content());
                ps.setString(6, s.answer());
                ps.setInt(7, s.wordCount());
                ps.setInt(8, s.tokens());
                ps.setString(9, JsonColumns.writeStrings(s.keywords()));
                ps.setString(10, s.indexNodeHash());
                ps.setString(11, s.status());
                ps.setBoolean(12, s.enabled());
                ps.setObject(13, utc(s.createdAt()));
                ps.setObject(14, utc(s.completedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO child_chunks (" + CHILD_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (SegmentRecord s : segments) {
                for (ChildChunkRecord ch : s.childChunks()) {
                    ps.setString(1, ch.id());
                    ps.setString(2, s.id());
                    ps.setString(3, s.documentId());
                    ps.setString(4, s.datasetId());
                    ps.setInt(5, ch.position());
                    ps.setString(6, ch.content());
                    ps.setInt(7, ch.wordCount());
                    ps.setString(8, ch.type());
                    ps.setObject(9, utc(ch.createdAt()));
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /** Segments per document, in the order given; 0 for a document without any. */
    static Map<String, Long> countsOfDocuments(Connection c, List<String> documentIds) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM segments WHERE document_id = ?")) {
            for (String id : documentIds) {
                ps.setString(1, id);
                counts.put(id, Text.count(ps));
            }
        }
        return counts;
    }

    static Page<SegmentRecord> page(Connection c, String documentId, String keyword, int page, int limit)
            throws SQLException {
        String where = " WHERE document_id = ?" + (keyword == null ? "" : " AND LOWER(content) LIKE ? ESCAPE '\\'");
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM segments" + where)) {
            bind(ps, documentId, keyword);
            total = Text.count(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM segments" + where
                + " ORDER BY position LIMIT ? OFFSET ?")) {
            int i = bind(ps, documentId, keyword);
            ps.setInt(i++, limit);
            ps.setLong(i, (long) (page - 1) * limit);
            return new Page<>(withChildren(c, read(ps)), total, page, limit);
        }
    }

    private static int bind(PreparedStatement ps, String documentId, String keyword) throws SQLException {
        int i = 1;
        ps.setString(i++, documentId);
        if (keyword != null) {
            ps.setString(i++, Text.containsPattern(keyword));
        }
        return i;
    }

    static List<SegmentRecord> byIds(Connection c, Collection<String> ids) throws SQLException {
        List<String> distinct = ids.stream().filter(id -> id != null).distinct().toList();
        List<SegmentRecord> out = new ArrayList<>(distinct.size());
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM segments WHERE id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                out.addAll(withChildren(c, read(ps)));
            }
        }
        return out;
    }

    static List<String> idsOfDataset(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM segments WHERE dataset_id = ? ORDER BY document_id, position")) {
            ps.setString(1, datasetId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Segments read without children; {@link #withChildren} completes them. */
    private static List<SegmentRecord> read(PreparedStatement ps) throws SQLException {
        List<SegmentRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SegmentRecord(rs.getString("id"), rs.getString("dataset_id"),
                        rs.getString("document_id"), rs.getInt("position"), rs.getString("content"),
                        rs.getString("answer"), rs.getInt("word_count"), rs.getInt("tokens"),
                        JsonColumns.readStrings(rs.getString("keywords")), rs.getString("index_node_hash"),
                        rs.getString("status"), rs.getBoolean("enabled"), instant(rs, "created_at"),
                        instant(rs, "completed_at"), List.of()));
            }
        }
        return out;
    }

    /** The segments with their child chunks, in one query per segment list. */
    private static List<SegmentRecord> withChildren(Connection c, List<SegmentRecord> segments) throws SQLException {
        if (segments.isEmpty()) {
            return segments;
        }
        Map<String, List<ChildChunkRecord>> children = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, segment_id, position, content, word_count, type,"
                + " created_at FROM child_chunks WHERE segment_id IN (" + placeholders(segments.size())
                + ") ORDER BY segment_id, position")) {
            for (int i = 0; i < segments.size(); i++) {
                ps.setString(i + 1, segments.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    children.computeIfAbsent(rs.getString("segment_id"), k -> new ArrayList<>())
                            .add(new ChildChunkRecord(rs.getString("id"), rs.getString("segment_id"),
                                    rs.getInt("position"), rs.getString("content"), rs.getInt("word_count"),
                                    rs.getString("type"), instant(rs, "created_at")));
                }
            }
        }
        if (children.isEmpty()) {
            return segments;
        }
        return segments.stream().map(s -> new SegmentRecord(s.id(), s.datasetId(), s.documentId(), s.position(),
                s.content(), s.answer(), s.wordCount(), s.tokens(), s.keywords(), s.indexNodeHash(), s.status(),
                s.enabled(), s.createdAt(), s.completedAt(), children.getOrDefault(s.id(), List.of())))
                .collect(Collectors.toList());
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
