package io.tributary.store.queue;

import static io.tributary.store.db.SqlTimes.now;
import static io.tributary.store.db.SqlTimes.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.dto.IndexingStatus;
import io.tributary.api.store.dto.PipelineItem;
import io.tributary.api.store.PipelineQueue;
import io.tributary.store.datasets.DocumentRows;
import io.tributary.store.db.Database;
import io.tributary.store.db.Dialect;
import io.tributary.store.db.Transactions;

/**
 * The durable queue of pipeline items. A claim never hands one item to two callers: on PostgreSQL the candidates
 * are locked with {@code FOR UPDATE SKIP LOCKED} (concurrent claimers take different rows without waiting); on H2
 * each candidate is taken by an {@code UPDATE ... WHERE status = 'queued'} that only one caller can win.
 */
@Component(service = PipelineQueue.class)
public final class JdbcPipelineQueue implements PipelineQueue {
    /** Rounds of candidates an H2 claim tries when concurrent claimers took the ones it saw. */
    private static final int H2_CLAIM_ROUNDS = 5;

    private final DataSource db;
    private final Dialect dialect;

    @Activate
    public JdbcPipelineQueue(@Reference Database database) {
        this.db = database.dataSource();
        this.dialect = database.dialect();
    }

    @Override
    public List<PipelineItem> claim(int max) {
        if (max <= 0) {
            return List.of();
        }
        return dialect == Dialect.POSTGRESQL
                ? Transactions.inTransaction(db, "claim pipeline items", c -> claimSkipLocked(c, max))
                : Transactions.autoCommit(db, "claim pipeline items", c -> claimConditionally(c, max));
    }

    private static List<PipelineItem> claimSkipLocked(Connection c, int max) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pipeline_items WHERE status = ?"
                + " ORDER BY created_at, seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setString(1, PipelineItemRows.QUEUED);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("UPDATE pipeline_items SET status = ?, attempts = attempts + 1,"
                + " claimed_at = ? WHERE id IN (" + in + ")")) {
            ps.setString(1, PipelineItemRows.RUNNING);
            ps.setObject(2, utc(now()));
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(3 + i, ids.get(i));
            }
            ps.executeUpdate();
        }
        return select(c, ids);
    }

    private static List<PipelineItem> claimConditionally(Connection c, int max) throws SQLException {
        List<String> claimed = new ArrayList<>();
        for (int round = 0; round < H2_CLAIM_ROUNDS && claimed.size() < max; round++) {
            List<String> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pipeline_items WHERE status = ?"
                    + " ORDER BY created_at, seq LIMIT ?")) {
                ps.setString(1, PipelineItemRows.QUEUED);
                ps.setInt(2, max - claimed.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            OffsetDateTime at = utc(now());
            try (PreparedStatement ps = c.prepareStatement("UPDATE pipeline_items SET status = ?,"
                    + " attempts = attempts + 1, claimed_at = ? WHERE id = ? AND status = ?")) {
                for (String id : candidates) {
                    ps.setString(1, PipelineItemRows.RUNNING);
                    ps.setObject(2, at);
                    ps.setString(3, id);
                    ps.setString(4, PipelineItemRows.QUEUED);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(id);
                    }
                }
            }
        }
        return claimed.isEmpty() ? List.of() : select(c, claimed);
    }

    /** The items with these ids, oldest first. */
    private static List<PipelineItem> select(Connection c, List<String> ids) throws SQLException {
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PipelineItemRows.COLUMNS
                + " FROM pipeline_items WHERE id IN (" + in + ") ORDER BY created_at, seq")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(1 + i, ids.get(i));
            }
            return PipelineItemRows.read(ps);
        }
    }

    @Override
    public void complete(PipelineItem item, IndexingStatus status, String error) {
        if (!status.terminal()) {
            throw new IllegalArgumentException("a pipeline item ends completed or error, not " + status.wireName());
        }
        Transactions.inTransaction(db, "complete pipeline item " + item.id(), c -> {
            Instant at = now();
            DocumentRows.updateStatus(c, item.documentId(), status, error, at);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pipeline_items SET status = ?, finished_at = ? WHERE id = ?")) {
                ps.setString(1, PipelineItemRows.DONE);
                ps.setObject(2, utc(at));
                ps.setString(3, item.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int requeueRunning() {
        // the documents of interrupted items go back to waiting in the same transaction: they show as queued again
        return Transactions.inTransaction(db, "requeue running pipeline items", c -> {
            try (PreparedStatement docs = c.prepareStatement(
                    "UPDATE documents SET indexing_status = ?, parsing_completed_at = NULL,"
                            + " cleaning_completed_at = NULL, splitting_completed_at = NULL"
                            + " WHERE indexing_status NOT IN (?, ?)"
                            + " AND id IN (SELECT document_id FROM pipeline_items WHERE status = ?)")) {
                docs.setString(1, IndexingStatus.WAITING.wireName());
                docs.setString(2, IndexingStatus.COMPLETED.wireName());
                docs.setString(3, IndexingStatus.ERROR.wireName());
                docs.setString(4, PipelineItemRows.RUNNING);
                docs.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pipeline_items SET status = ?, claimed_at = NULL WHERE status = ?")) {
                ps.setString(1, PipelineItemRows.QUEUED);
                ps.setString(2, PipelineItemRows.RUNNING);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<PipelineItem> item(String itemId) {
        if (itemId == null) {
            return Optional.empty();
        }
        return Transactions.autoCommit(db, "read pipeline item " + itemId,
                c -> select(c, List.of(itemId)).stream().findFirst());
    }

    @Override
    public long pending() {
        return Transactions.autoCommit(db, "count pending pipeline items", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM pipeline_items WHERE status IN (?, ?)")) {
                ps.setString(1, PipelineItemRows.QUEUED);
                ps.setString(2, PipelineItemRows.RUNNING);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
