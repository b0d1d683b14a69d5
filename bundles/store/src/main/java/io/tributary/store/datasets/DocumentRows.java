package io.tributary.store.datasets;

import static io.tributary.store.db.SqlTimes.instant;
import static io.tributary.store.db.SqlTimes.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.Page;
import io.tributary.store.db.JsonColumns;

/** The SQL of table {@code documents}. */
public final class DocumentRows {
    private static final String COLUMNS = "id, dataset_id, position, batch, name, data_source_type,"
            + " data_source_info, created_from, doc_form, indexing_status, error, enabled, word_count, tokens,"
            + " created_by, created_at, processing_started_at, parsing_completed_at, cleaning_completed_at,"
            + " splitting_completed_at, completed_at, updated_at";

    private DocumentRows() {
    }

    /**
     * Reserves {@code count} positions of the dataset: the update locks the dataset row until the transaction
     * ends, so concurrent callers get consecutive, disjoint ranges. Returns the first position and the dataset's
     * chunk structure, or empty when there is no such dataset.
     */
    static Optional<Reserved> reservePositions(Connection c, String datasetId, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE datasets SET last_position = last_position + ? WHERE id = ?")) {
            ps.setInt(1, count);
            ps.setString(2, datasetId);
            if (ps.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_position, chunk_structure FROM datasets WHERE id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(new Reserved(rs.getInt(1) - count + 1, rs.getString(2)));
            }
        }
    }

    /** The first reserved position and the dataset's chunk structure at that moment. */
    record Reserved(int firstPosition, String chunkStructure) {
    }

    static void insert(Connection c, List<DocumentRecord> documents) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DocumentRecord d : documents) {
                ps.setString(1, d.id());
                ps.setString(2, d.datasetId());
                ps.setInt(3, d.position());
                ps.setString(4, d.batch());
                ps.setString(5, d.name());
                ps.setString(6, d.dataSourceType());
                ps.setString(7, d.dataSourceInfo() == null ? null : JsonColumns.write(d.dataSourceInfo()));
                ps.setString(8, d.createdFrom());
                ps.setString(9, d.docForm());
                ps.setString(10, d.indexingStatus());
                ps.setString(11, d.error());
                ps.setBoolean(12, d.enabled());
                ps.setInt(13, d.wordCount());
                ps.setInt(14, d.tokens());
                ps.setString(15, d.createdBy());
                ps.setObject(16, utc(d.createdAt()));
                ps.setObject(17, utc(d.processingStartedAt()));
                ps.setObject(18, utc(d.parsingCompletedAt()));
                ps.setObject(19, utc(d.cleaningCompletedAt()));
                ps.setObject(20, utc(d.splittingCompletedAt()));
                ps.setObject(21, utc(d.completedAt()));
                ps.setObject(22, utc(d.updatedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Optional<DocumentRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst();
        }
    }

    static Page<DocumentRecord> page(Connection c, String datasetId, String keyword, DisplayStatus status,
                                     int page, int limit) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE dataset_id = ?");
        if (keyword != null) {
            where.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
        }
        if (status != null) {
            where.append(" AND ").append(status.condition());
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM documents" + where)) {
            bind(ps, datasetId, keyword);
            total = Text.count(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents" + where
                + " ORDER BY position DESC LIMIT ? OFFSET ?")) {
            int i = bind(ps, datasetId, keyword);
            ps.setInt(i++, limit);
            ps.setLong(i, (long) (page - 1) * limit);
            return new Page<>(read(ps), total, page, limit);
        }
    }

    private static int bind(PreparedStatement ps, String datasetId, String keyword) throws SQLException {
        int i = 1;
        ps.setString(i++, datasetId);
        if (keyword != null) {
            ps.setString(i++, Text.containsPattern(keyword));
        }
        return i;
    }

    static List<DocumentRecord> batch(Connection c, String datasetId, String batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents"
                + " WHERE dataset_id = ? AND batch = ? ORDER BY position")) {
            ps.setString(1, datasetId);
            ps.setString(2, batch);
            return read(ps);
        }
    }

    /**
     * Sets status and error; {@code processing_started_at} on the first move away from {@code waiting},
     * {@code completed_at} on {@code completed}. Moving to a later stage stamps the end of the earlier ones, once
     * (Dify's order: parsing, cleaning, splitting, indexing): {@code splitting} ends parsing and cleaning,
     * {@code indexing} and {@code completed} end splitting too.
     */
    public static boolean updateStatus(Connection c, String id, IndexingStatus status, String error, Instant now)
            throws SQLException {
        boolean started = status != IndexingStatus.WAITING;
        boolean completed = status == IndexingStatus.COMPLETED;
        String sql = "UPDATE documents SET indexing_status = ?, error = ?, updated_at = ?"
                + (started ? ", processing_started_at = COALESCE(processing_started_at, ?)" : "")
                + (completed ? ", completed_at = ?" : "")
                + stages(status)
                + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, status.wireName());
            ps.setString(i++, error);
            ps.setObject(i++, utc(now));
            if (started) {
                ps.setObject(i++, utc(now));
            }
            if (completed) {
                ps.setObject(i++, utc(now));
            }
            for (long k = stages(status).chars().filter(ch -> ch == '?').count(); k > 0; k--) {
                ps.setObject(i++, utc(now));
            }
            ps.setString(i, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static String stages(IndexingStatus status) {
        String sql = "";
        if (status == IndexingStatus.CLEANING || status == IndexingStatus.SPLITTING
                || status == IndexingStatus.INDEXING || status == IndexingStatus.COMPLETED) {
            sql += ", parsing_completed_at = COALESCE(parsing_completed_at, ?)";
        }
        if (status == IndexingStatus.SPLITTING || status == IndexingStatus.INDEXING
                || status == IndexingStatus.COMPLETED) {
            sql += ", cleaning_completed_at = COALESCE(cleaning_completed_at, ?)";
        }
        if (status == IndexingStatus.INDEXING || status == IndexingStatus.COMPLETED) {
            sql += ", splitting_completed_at = COALESCE(splitting_completed_at, ?)";
        }
        return sql;
    }

    /** Locks the document row until the transaction ends; its dataset id, or empty when there is none. */
    static Optional<String> lock(Connection c, String documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dataset_id FROM documents WHERE id = ? FOR UPDATE")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void setWordCount(Connection c, String id, int wordCount, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE documents SET word_count = ?, updated_at = ? WHERE id = ?")) {
            ps.setInt(1, wordCount);
            ps.setObject(2, utc(now));
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Deletes one document and its queued items (its segments are gone already); false when unknown. */
    static boolean deleteDocument(Connection c, String documentId) throws SQLException {
        Text.update(c, "DELETE FROM pipeline_items WHERE document_id = ?", documentId);
        return Text.update(c, "DELETE FROM documents WHERE id = ?", documentId) == 1;
    }

    /** Deletes every document of the dataset and their queued items (their segments are gone already). */
    static void deleteOfDataset(Connection c, String datasetId) throws SQLException {
        Text.update(c, "DELETE FROM pipeline_items WHERE dataset_id = ?", datasetId);
        Text.update(c, "DELETE FROM documents WHERE dataset_id = ?", datasetId);
    }

    static DatasetStatsRow stats(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(word_count), 0) FROM documents WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new DatasetStatsRow(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    record DatasetStatsRow(long documents, long words) {
    }

    private static List<DocumentRecord> read(PreparedStatement ps) throws SQLException {
        List<DocumentRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String info = rs.getString("data_source_info");
                Map<String, Object> infoMap = info == null ? null : JsonColumns.read(info);
                out.add(new DocumentRecord(rs.getString("id"), rs.getString("dataset_id"), rs.getInt("position"),
                        rs.getString("batch"), rs.getString("name"), rs.getString("data_source_type"), infoMap,
                        rs.getString("created_from"), rs.getString("doc_form"), rs.getString("indexing_status"),
                        rs.getString("error"), rs.getBoolean("enabled"), rs.getInt("word_count"),
                        rs.getInt("tokens"), rs.getString("created_by"), instant(rs, "created_at"),
                        instant(rs, "processing_started_at"), instant(rs, "parsing_completed_at"),
                        instant(rs, "cleaning_completed_at"), instant(rs, "splitting_completed_at"),
                        instant(rs, "completed_at"),
                        instant(rs, "updated_at")));
            }
        }
        return out;
    }
}
