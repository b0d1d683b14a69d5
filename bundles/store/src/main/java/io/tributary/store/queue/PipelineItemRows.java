package io.tributary.store.queue;

import static io.tributary.store.db.SqlTimes.instant;
import static io.tributary.store.db.SqlTimes.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.tributary.api.store.dto.PipelineItem;
import io.tributary.store.db.JsonColumns;

/** The SQL of table {@code pipeline_items}, shared by the queue and by the dataset store that fills it. */
public final class PipelineItemRows {
    /** An item waiting for a worker. */
    public static final String QUEUED = "queued";
    /** An item a worker claimed. */
    public static final String RUNNING = "running";
    /** A finished item. */
    public static final String DONE = "done";

    static final String COLUMNS = "id, dataset_id, document_id, batch, workflow_id, start_node_id, datasource_type,"
            + " datasource_info, inputs, created_by, status, attempts, created_at";

    private PipelineItemRows() {
    }

    /** Inserts the items (in this order, so they are claimed in it) on the caller's connection and transaction. */
    public static void insert(Connection c, List<PipelineItem> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pipeline_items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PipelineItem i : items) {
                ps.setString(1, i.id());
                ps.setString(2, i.datasetId());
                ps.setString(3, i.documentId());
                ps.setString(4, i.batch());
                ps.setString(5, i.workflowId());
                ps.setString(6, i.startNodeId());
                ps.setString(7, i.datasourceType());
                ps.setString(8, JsonColumns.write(i.datasourceInfo()));
                ps.setString(9, JsonColumns.write(i.inputs()));
                ps.setString(10, i.createdBy() == null ? "" : i.createdBy());
                ps.setString(11, i.status());
                ps.setInt(12, i.attempts());
                ps.setObject(13, utc(i.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<PipelineItem> read(PreparedStatement ps) throws SQLException {
        List<PipelineItem> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(new PipelineItem(rs.getString("id"), rs.getString("dataset_id"),
                        rs.getString("document_id"), rs.getString("batch"), rs.getString("workflow_id"),
                        rs.getString("start_node_id"), rs.getString("datasource_type"),
                        JsonColumns.read(rs.getString("datasource_info")), JsonColumns.read(rs.getString("inputs")),
                        rs.getString("created_by"), rs.getString("status"), rs.getInt("attempts"),
                        instant(rs, "created_at")));
            }
        }
        return items;
    }
}
