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
import java.util.Optional;
import java.util.UUID;

import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DatasetVersion;
import io.tributary.api.store.dto.NewDataset;
import io.tributary.api.store.dto.Page;
import io.tributary.store.db.JsonColumns;

/** The SQL of tables {@code datasets} and {@code dataset_versions}. */
final class DatasetRows {
    static final int DEFAULT_KEYWORD_NUMBER = 10;
    private static final String COLUMNS = "id, name, description, chunk_structure, indexing_technique,"
            + " embedding_model_provider, embedding_model, keyword_number, retrieval_model, draft_dsl,"
            + " published_version, created_by, created_at, updated_at";
    private static final String VERSION_COLUMNS = "dataset_id, version, workflow_id, dsl, created_at";

    private DatasetRows() {
    }

    static Dataset insert(Connection c, NewDataset d, Instant now) throws SQLException {
        Dataset dataset = new Dataset(UUID.randomUUID().toString(), name(d.name()), d.description(),
                d.chunkStructure(), d.indexingTechnique(), d.embeddingModelProvider(), d.embeddingModel(),
                keywordNumber(d.keywordNumber()), d.retrievalModel(), d.draftDsl(), null,
                Text.truncate(d.createdBy(), 255), now, now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO datasets (" + COLUMNS
                + ", last_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0)")) {
            ps.setString(1, dataset.id());
            ps.setString(2, dataset.name());
            ps.setString(3, dataset.description());
            ps.setString(4, dataset.chunkStructure());
            ps.setString(5, dataset.indexingTechnique());
            ps.setString(6, Text.truncate(dataset.embeddingModelProvider(), 255));
            ps.setString(7, Text.truncate(dataset.embeddingModel(), 255));
            ps.setInt(8, dataset.keywordNumber());
            ps.setString(9, JsonColumns.write(dataset.retrievalModel()));
            ps.setString(10, dataset.draftDsl());
            ps.setString(11, dataset.createdBy());
            ps.setObject(12, utc(now));
            ps.setObject(13, utc(now));
            ps.executeUpdate();
        }
        return dataset;
    }

    /** Replaces the settings and the draft; the name and description only when given. */
    static boolean updateDraft(Connection c, String id, NewDataset d, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE datasets SET name = COALESCE(?, name),"
                + " description = COALESCE(?, description), chunk_structure = ?, indexing_technique = ?,"
                + " embedding_model_provider = ?, embedding_model = ?, keyword_number = ?, retrieval_model = ?,"
                + " draft_dsl = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, d.name() == null || d.name().isBlank() ? null : name(d.name()));
            ps.setString(2, d.description());
            ps.setString(3, d.chunkStructure());
            ps.setString(4, d.indexingTechnique());
            ps.setString(5, Text.truncate(d.embeddingModelProvider(), 255));
            ps.setString(6, Text.truncate(d.embeddingModel(), 255));
            ps.setInt(7, keywordNumber(d.keywordNumber()));
            ps.setString(8, JsonColumns.write(d.retrievalModel()));
            ps.setString(9, d.draftDsl());
            ps.setObject(10, utc(now));
            ps.setString(11, id);
            return ps.executeUpdate() == 1;
        }
    }

    static Optional<Dataset> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM datasets WHERE id = ?")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst();
        }
    }

    static Page<Dataset> page(Connection c, String keyword, int page, int limit) throws SQLException {
        String where = keyword == null ? "" : " WHERE LOWER(name) LIKE ? ESCAPE '\\'";
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM datasets" + where)) {
            if (keyword != null) {
                ps.setString(1, Text.containsPattern(keyword));
            }
            total = Text.count(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM datasets" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int i = 1;
            if (keyword != null) {
                ps.setString(i++, Text.containsPattern(keyword));
            }
            ps.setInt(i++, limit);
            ps.setLong(i, (long) (page - 1) * limit);
            return new Page<>(read(ps), total, page, limit);
        }
    }

    private static List<Dataset> read(PreparedStatement ps) throws SQLException {
        List<Dataset> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int v = rs.getInt("published_version");
                Integer published = rs.wasNull() ? null : v;
                out.add(new Dataset(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                        rs.getString("chunk_structure"), rs.getString("indexing_technique"),
                        rs.getString("embedding_model_provider"), rs.getString("embedding_model"),
                        rs.getInt("keyword_number"), JsonColumns.read(rs.getString("retrieval_model")),
                        rs.getString("draft_dsl"), published, rs.getString("created_by"),
                        instant(rs, "created_at"), instant(rs, "updated_at")));
            }
        }
        return out;
    }

    /**
     * Copies the draft into the next version. The dataset row is locked first, so concurrent publications of one
     * dataset queue up and number their versions 1, 2, ...
     */
    static Optional<DatasetVersion> publish(Connection c, String datasetId, Instant now) throws SQLException {
        String dsl;
        int next;
        try (PreparedStatement ps = c.prepareStatement("SELECT draft_dsl, published_version FROM datasets"
                + " WHERE id = ? FOR UPDATE")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                dsl = rs.getString(1);
                next = rs.getInt(2) + 1;
            }
        }
        if (dsl == null) {
            return Optional.empty();
        }
        DatasetVersion v = new DatasetVersion(datasetId, next, UUID.randomUUID().toString(), dsl, now);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dataset_versions (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, datasetId);
            ps.setInt(2, next);
            ps.setString(3, v.workflowId());
            ps.setString(4, dsl);
            ps.setObject(5, utc(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE datasets SET published_version = ?, updated_at = ? WHERE id = ?")) {
            ps.setInt(1, next);
            ps.setObject(2, utc(now));
            ps.setString(3, datasetId);
            ps.executeUpdate();
        }
        return Optional.of(v);
    }

    static Optional<DatasetVersion> latestVersion(Connection c, String datasetId) throws SQLException {
        return version(c, "SELECT v.dataset_id, v.version, v.workflow_id, v.dsl, v.created_at FROM dataset_versions v"
                + " JOIN datasets d ON d.id = v.dataset_id AND d.published_version = v.version WHERE d.id = ?",
                datasetId);
    }

    static Optional<DatasetVersion> version(Connection c, String workflowId) throws SQLException {
        return version(c, "SELECT " + VERSION_COLUMNS + " FROM dataset_versions WHERE workflow_id = ?", workflowId);
    }

    private static Optional<DatasetVersion> version(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DatasetVersion(rs.getString("dataset_id"), rs.getInt("version"),
                        rs.getString("workflow_id"), rs.getString("dsl"), instant(rs, "created_at")));
            }
        }
    }

    /** Locks the dataset row until the transaction ends; false when there is none. */
    static boolean lock(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets WHERE id = ? FOR UPDATE")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Deletes the dataset row and its versions (the caller deleted its documents first). */
    static boolean delete(Connection c, String datasetId) throws SQLException {
        Text.update(c, "DELETE FROM dataset_versions WHERE dataset_id = ?", datasetId);
        return Text.update(c, "DELETE FROM datasets WHERE id = ?", datasetId) == 1;
    }

    private static String name(String name) {
        return Text.truncate(name == null || name.isBlank() ? "Untitled" : name.strip(), 255);
    }

    private static int keywordNumber(int n) {
        return n <= 0 ? DEFAULT_KEYWORD_NUMBER : n;
    }
}
