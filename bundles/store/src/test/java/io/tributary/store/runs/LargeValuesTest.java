package io.tributary.store.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.store.dto.NodeExecutionRecord;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

/** A node execution's large values are recorded truncated by Dify's rules, with the flags. */
@BothDatabases
class LargeValuesTest extends StoreTestBase {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private RunWriter writer;
    private DataSource db;

    @Override
    protected void openStores(Database database) {
        writer = new RunWriter(database);
        db = database.dataSource();
    }

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    private static NodeStarted started(String id) {
        return new NodeStarted("r1", T0, id, "extract", "document-extractor", "1.0.0", "Extract", 1, null,
                Map.of("file", "manual.txt"), null, null);
    }

    private static NodeFinished finished(String id, Map<String, Object> outputs) {
        return new NodeFinished("r1", T0.plusMillis(9), id, "extract", "document-extractor", "1.0.0", "Extract", 1,
                null, NodeStatus.SUCCEEDED, Map.of("file", "manual.txt"), Map.of(), outputs, Map.of(), null, null, T0,
                9, null, null);
    }

    @Test
    void aFiveMegabyteOutputIsStoredTruncatedWithTheFlag() throws SQLException {
        String text = "word ".repeat(1_000_000);
        List<Object> chunks = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            chunks.add(Map.of("content", "chunk " + i));
        }
        // one row inserted with its end in the same batch, one ended by a later update
        writer.enqueue(new RunWriter.NodeStart(started("n1")));
        writer.enqueue(new RunWriter.NodeEnd(finished("n1", Map.of("text", text))));
        writer.flush();
        writer.enqueue(new RunWriter.NodeStart(started("n2")));
        writer.flush();
        writer.enqueue(new RunWriter.NodeEnd(finished("n2", Map.of("chunks", chunks))));
        writer.flush();

        List<NodeExecutionRecord> nodes = writer.tables().nodes("r1");
        assertEquals(2, nodes.size());
        assertEquals("word ".repeat(20_000) + "...", nodes.get(0).outputs().get("text"));
        assertEquals(1_000, ((List<?>) nodes.get(1).outputs().get("chunks")).size());
        assertEquals(Map.of("file", "manual.txt"), nodes.get(0).inputs());
        for (String id : List.of("n1", "n2")) {
            boolean[] flags = flags(id);
            assertFalse(flags[0], id + " inputs_truncated");
            assertFalse(flags[1], id + " process_data_truncated");
            assertTrue(flags[2], id + " outputs_truncated");
        }
    }

    @Test
    void smallValuesAreStoredWholeAndUnflagged() throws SQLException {
        writer.enqueue(new RunWriter.NodeStart(started("n1")));
        writer.enqueue(new RunWriter.NodeEnd(finished("n1", Map.of("text", "short"))));
        writer.flush();
        assertEquals(Map.of("text", "short"), writer.tables().nodes("r1").get(0).outputs());
        boolean[] flags = flags("n1");
        assertFalse(flags[0] || flags[1] || flags[2]);
    }

    private boolean[] flags(String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT inputs_truncated,"
                + " process_data_truncated, outputs_truncated FROM node_executions WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), id);
                return new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)};
            }
        }
    }
}
