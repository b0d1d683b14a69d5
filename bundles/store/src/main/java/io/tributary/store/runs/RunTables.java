package io.tributary.store.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.ValueTruncation;
import io.tributary.api.store.dto.NodeExecutionRecord;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.api.store.StoreException;
import io.tributary.store.db.JsonColumns;

/** The SQL of the run tables, shared by the store service and the recorder. */
final class RunTables {
    private static final String RUN_COLUMNS = "id, app_id, workflow_id, status, inputs, outputs, error, elapsed_ms,"
            + " total_tokens, total_steps, created_by, created_at, finished_at";
    private static final String NODE_COLUMNS = "id, run_id, node_id, node_type, title, node_index,"
            + " predecessor_node_id, status, inputs, process_data, outputs, error, elapsed_ms, created_at, finished_at";

    private final DataSource db;

    RunTables(DataSource db) {
        this.db = db;
    }

    static final String INSERT_RUN = "INSERT INTO workflow_runs (" + RUN_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_NODE = "INSERT INTO node_executions (" + NODE_COLUMNS
            + ", inputs_truncated, process_data_truncated, outputs_truncated"
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Node executions keep large values as Dify does: truncated, with the {@code *_truncated} flags. */
    private static final ValueTruncation TRUNCATION = ValueTruncation.DIFY;

    /** SQL work inside one transaction. */
    @FunctionalInterface
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    void inTransaction(SqlWork work) throws SQLException {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    static void bindRun(PreparedStatement ps, RunRecord r) throws SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.appId());
        ps.setString(3, r.workflowId());
        ps.setString(4, r.status().wireName());
        ps.setString(5, JsonColumns.write(r.inputs()));
        ps.setString(6, JsonColumns.write(r.outputs()));
        ps.setString(7, r.error());
        ps.setLong(8, r.elapsedMillis());
        ps.setLong(9, r.totalTokens());
        ps.setInt(10, r.totalSteps());
        ps.setString(11, r.createdBy() == null ? null : truncate(r.createdBy(), 255));
        ps.setObject(12, utc(r.createdAt()));
        ps.setObject(13, utc(r.finishedAt()));
    }

    /** Binds a node execution row: as started, or with the final values of {@code end} when it is known. */
    static void bindNode(PreparedStatement ps, NodeStarted s, NodeFinished end) throws SQLException {
        ps.setString(1, s.executionId());
        ps.setString(2, s.runId());
        ps.setString(3, s.nodeId());
        ps.setString(4, s.nodeType());
        ps.setString(5, truncate(s.title(), 1024));
        ps.setInt(6, s.index());
        ps.setString(7, s.predecessorNodeId());
        ps.setString(8, end == null ? NodeStatus.RUNNING.wireName() : end.status().wireName());
        ValueTruncation.Result in = TRUNCATION.truncate(end == null ? s.inputs() : end.inputs());
        ValueTruncation.Result pd = TRUNCATION.truncate(end == null ? Map.of() : end.processData());
        ValueTruncation.Result out = TRUNCATION.truncate(end == null ? Map.of() : end.outputs());
        ps.setString(9, JsonColumns.write(in.value()));
        ps.setString(10, JsonColumns.write(pd.value()));
        ps.setString(11, JsonColumns.write(out.value()));
        ps.setString(12, end == null ? null : end.error());
        ps.setLong(13, end == null ? 0L : end.elapsedMillis());
        ps.setObject(14, utc(s.at()));
        ps.setObject(15, end == null ? null : utc(end.at()));
        ps.setBoolean(16, in.truncated());
        ps.setBoolean(17, pd.truncated());
        ps.setBoolean(18, out.truncated());
    }

    /** The run as it ends with {@code f}. */
    static RunRecord finished(RunRecord r, RunFinished f) {
        return new RunRecord(r.id(), r.appId(), r.workflowId(), f.status(), r.inputs(), f.outputs(), f.error(),
                f.elapsedMillis(), f.totalTokens(), f.totalSteps(), r.createdBy(), r.createdAt(), f.at());
    }

    /** The run as rejected by the engine before it started (only while it is still running). */
    static RunRecord rejected(RunRecord r, String error) {
        if (r.status() != RunStatus.RUNNING) {
            return r;
        }
        return new RunRecord(r.id(), r.appId(), r.workflowId(), RunStatus.FAILED, r.inputs(), r.outputs(), error,
                r.elapsedMillis(), r.totalTokens(), r.totalSteps(), r.createdBy(), r.createdAt(), Instant.now());
    }

    static void finish(Connection c, RunFinished f) throws SQLException {
        update(c, "UPDATE workflow_runs SET status = ?, outputs = ?, error = ?, elapsed_ms = ?, total_tokens = ?,"
                + " total_steps = ?, finished_at = ? WHERE id = ?", f.status().wireName(),
                JsonColumns.write(f.outputs()), f.error(), f.elapsedMillis(), f.totalTokens(), f.totalSteps(),
                utc(f.at()), f.runId());
    }

    static void nodeFinished(Connection c, NodeFinished f) throws SQLException {
        ValueTruncation.Result in = TRUNCATION.truncate(f.inputs());
        ValueTruncation.Result pd = TRUNCATION.truncate(f.processData());
        ValueTruncation.Result out = TRUNCATION.truncate(f.outputs());
        update(c, "UPDATE node_executions SET status = ?, inputs = ?, process_data = ?, outputs = ?, error = ?,"
                + " elapsed_ms = ?, finished_at = ?, inputs_truncated = ?, process_data_truncated = ?,"
                + " outputs_truncated = ? WHERE id = ?", f.status().wireName(),
                JsonColumns.write(in.value()), JsonColumns.write(pd.value()), JsonColumns.write(out.value()),
                f.error(), f.elapsedMillis(), utc(f.at()), in.truncated(), pd.truncated(), out.truncated(),
                f.executionId());
    }

    /** Fails every run still marked running; returns how many. */
    int failRunning(String error) {
        OffsetDateTime now = utc(Instant.now());
        update("UPDATE node_executions SET status = ?, error = ?, finished_at = ? WHERE status = ?",
                NodeStatus.FAILED.wireName(), error, now, NodeStatus.RUNNING.wireName());
        return update("UPDATE workflow_runs SET status = ?, error = ?, finished_at = ? WHERE status = ?",
                RunStatus.FAILED.wireName(), error, now, RunStatus.RUNNING.wireName());
    }

    Optional<RunRecord> run(String runId) {
        List<RunRecord> runs = runs("SELECT " + RUN_COLUMNS + " FROM workflow_runs WHERE id = ?", List.of(runId));
        return runs.stream().findFirst();
    }

    List<NodeExecutionRecord> nodes(String runId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + NODE_COLUMNS + " FROM node_executions WHERE run_id = ? ORDER BY node_index, created_at")) {
            ps.setString(1, runId);
            List<NodeExecutionRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NodeExecutionRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                            nodeStatus(rs.getString(8)), JsonColumns.read(rs.getString(9)),
                            JsonColumns.read(rs.getString(10)), JsonColumns.read(rs.getString(11)),
                            rs.getString(12), rs.getLong(13), instant(rs, 14), instant(rs, 15)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read the node executions of run " + runId + ": " + e.getMessage(), e);
        }
    }

    RunPage query(RunQuery q) {
        StringBuilder where = new StringBuilder(" FROM workflow_runs WHERE app_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(q.appId());
        if (q.status() != null) {
            where.append(" AND status = ?");
            params.add(q.status().wireName());
        }
        if (q.createdBefore() != null) {
            where.append(" AND created_at < ?");
            params.add(utc(q.createdBefore()));
        }
        if (q.createdAfter() != null) {
            where.append(" AND created_at > ?");
            params.add(utc(q.createdAfter()));
        }
        if (q.keyword() != null && !q.keyword().isBlank()) {
            where.append(" AND (LOWER(inputs) LIKE ? ESCAPE '!' OR LOWER(outputs) LIKE ? ESCAPE '!'"
                    + " OR LOWER(COALESCE(error, '')) LIKE ? ESCAPE '!' OR LOWER(COALESCE(created_by, '')) LIKE ? ESCAPE '!')");
            String like = "%" + q.keyword().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
        }
        long total = count("SELECT COUNT(*)" + where, params);
        long offset = (long) (q.page() - 1) * q.limit();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(q.limit());
        pageParams.add(offset);
        List<RunRecord> runs = runs("SELECT " + RUN_COLUMNS + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", pageParams);
        return new RunPage(runs, total, offset + runs.size() < total);
    }

    private long count(String sql, List<Object> params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Could not count runs: " + e.getMessage(), e);
        }
    }

    private List<RunRecord> runs(String sql, List<Object> params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            List<RunRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new RunRecord(rs.getString(1), rs.getString(2), rs.getString(3), runStatus(rs.getString(4)),
                        JsonColumns.read(rs.getString(5)), JsonColumns.read(rs.getString(6)), rs.getString(7),
                        rs.getLong(8), rs.getLong(9), rs.getInt(10), rs.getString(11), instant(rs, 12),
                        instant(rs, 13)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read runs: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = db.getConnection()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new StoreException("Could not write run records: " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, Arrays.asList(params))) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    private static RunStatus runStatus(String wire) {
        for (RunStatus s : RunStatus.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        return RunStatus.FAILED;
    }

    private static NodeStatus nodeStatus(String wire) {
        for (NodeStatus s : NodeStatus.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        return NodeStatus.FAILED;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
