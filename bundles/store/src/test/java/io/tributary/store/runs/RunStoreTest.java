package io.tributary.store.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunOrigin;
import io.tributary.api.event.RunRejected;
import io.tributary.api.event.RunStarted;
import io.tributary.api.event.RunStatus;
import io.tributary.api.store.dto.NodeExecutionRecord;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.api.store.RunStore;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

@BothDatabases
class RunStoreTest extends StoreTestBase {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");
    private RunWriter writer;
    private JdbcRunStore store;
    private RunRecorder recorder;

    @Override
    protected void openStores(Database database) {
        writer = new RunWriter(database);
        store = new JdbcRunStore(writer);
        recorder = new RunRecorder(writer);
    }

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    private void record(String runId, String appId, String user, Instant at, RunStatus end, String error) {
        RunStarted started = new RunStarted(runId, at, "wf-1", Map.of("q", "hello " + runId), new RunOrigin(appId, user));
        recorder.onRunStart(started);
        recorder.onEvent(started);
        recorder.onEvent(new NodeStarted(runId, at, runId + "-n1", "start", "start", "1.0.0", "Start", 1, null,
                Map.of(), null, null));
        recorder.onEvent(new NodeFinished(runId, at.plusMillis(5), runId + "-n1", "start", "start", "1.0.0",
                "Start", 1, null, end == RunStatus.SUCCEEDED ? NodeStatus.SUCCEEDED : NodeStatus.FAILED,
                Map.of("q", "x"), Map.of(), Map.of("q", "x"), Map.of(), error, null, at, 5, null, null));
        recorder.onEvent(new RunFinished(runId, at.plusMillis(7), "wf-1", end, Map.of("out", List.of(1, "a")),
                error, 0, 1, 12, at, 7));
    }

    @Test
    void recordsARunAndItsNodes() {
        record("r1", "app-1", "alice", T0, RunStatus.SUCCEEDED, null);

        RunRecord r = store.run("r1").orElseThrow();
        assertEquals("app-1", r.appId());
        assertEquals("wf-1", r.workflowId());
        assertEquals("alice", r.createdBy());
        assertEquals(RunStatus.SUCCEEDED, r.status());
        assertEquals(Map.of("q", "hello r1"), r.inputs());
        assertEquals(Map.of("out", List.of(1, "a")), r.outputs());
        assertEquals(7, r.elapsedMillis());
        assertEquals(12, r.totalTokens());
        assertEquals(1, r.totalSteps());
        assertEquals(T0, r.createdAt());
        assertEquals(T0.plusMillis(7), r.finishedAt());

        List<NodeExecutionRecord> nodes = store.nodeExecutions("r1");
        assertEquals(1, nodes.size());
        NodeExecutionRecord n = nodes.get(0);
        assertEquals(NodeStatus.SUCCEEDED, n.status());
        assertEquals(Map.of("q", "x"), n.outputs());
        assertEquals(5, n.elapsedMillis());
        assertNotNull(n.finishedAt());
    }

    @Test
    void aRunWithoutOriginIsRecordedWithoutOwner() {
        recorder.onRunStart(new RunStarted("r2", T0, "wf-9", Map.of()));

        RunRecord r = store.run("r2").orElseThrow();
        assertEquals(RunStatus.RUNNING, r.status());
        assertNull(r.appId());
        assertNull(r.finishedAt());
    }

    @Test
    void runsLeftRunningAreFailedWhenTheWriterStarts() {
        recorder.onRunStart(new RunStarted("r3", T0, "wf-1", Map.of(), new RunOrigin("app-1", "bob")));
        recorder.onEvent(new NodeStarted("r3", T0, "r3-n1", "start", "start", "1", "Start", 1, null, Map.of(), null,
                null));

        writer.flush();
        new RunWriter(fixture.database()).close(); // as the next process's writer would, before its first write

        RunRecord r = store.run("r3").orElseThrow();
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals(RunStore.INTERRUPTED, r.error());
        assertNotNull(r.finishedAt());
        assertEquals(NodeStatus.FAILED, store.nodeExecutions("r3").get(0).status());
    }

    @Test
    void aRejectedRunIsRecordedAsFailedWithItsOwner() {
        recorder.onEvent(new RunRejected("r4", T0, "wf-1", Map.of("q", 1), new RunOrigin("app-1", "bob"),
                "node type 'x' is not installed"));

        RunRecord r = store.run("r4").orElseThrow();
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("node type 'x' is not installed", r.error());
        assertEquals("app-1", r.appId());
        assertEquals("bob", r.createdBy());
        assertNotNull(r.finishedAt());
    }

    @Test
    void theStartAndEndStagesCompleteOnceTheRecordIsCommitted() throws Exception {
        RunStarted started = new RunStarted("d1", T0, "wf-1", Map.of(), new RunOrigin("app-1", "u"));
        recorder.onRunStart(started).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(RunStatus.RUNNING, new RunTables(fixture.database().dataSource()).run("d1").orElseThrow().status());

        RunFinished f = new RunFinished("d1", T0.plusMillis(4), "wf-1", RunStatus.SUCCEEDED, Map.of(), null, 0, 0, 0,
                T0, 4);
        recorder.onEvent(f);
        recorder.onRunEnd(f).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        // read the table directly, not through the store (whose reads would flush the writer themselves)
        assertEquals(RunStatus.SUCCEEDED,
                new RunTables(fixture.database().dataSource()).run("d1").orElseThrow().status());
    }

    @Test
    void queryFiltersAndPages() {
        for (int i = 0; i < 5; i++) {
            record("ok" + i, "app-1", "alice", T0.plusSeconds(i), RunStatus.SUCCEEDED, null);
        }
        record("bad", "app-1", "bob", T0.plusSeconds(10), RunStatus.FAILED, "Boom_100%");
        record("other", "app-2", "alice", T0.plusSeconds(11), RunStatus.SUCCEEDED, null);

        RunPage first = store.query(new RunQuery("app-1", null, null, null, null, 1, 4));
        assertEquals(6, first.total());
        assertTrue(first.hasMore());
        assertEquals(List.of("bad", "ok4", "ok3", "ok2"), first.runs().stream().map(RunRecord::id).toList());
        RunPage second = store.query(new RunQuery("app-1", null, null, null, null, 2, 4));
        assertFalse(second.hasMore());
        assertEquals(List.of("ok1", "ok0"), second.runs().stream().map(RunRecord::id).toList());

        assertEquals(List.of("bad"), ids(new RunQuery("app-1", null, RunStatus.FAILED, null, null, 1, 20)));
        assertEquals(List.of("bad"), ids(new RunQuery("app-1", "boom_100%", null, null, null, 1, 20)));
        assertEquals(List.of("ok3"), ids(new RunQuery("app-1", "HELLO OK3", null, null, null, 1, 20)));
        assertEquals(List.of("ok1", "ok0"), ids(new RunQuery("app-1", null, null, T0.plusSeconds(2), null, 1, 20)));
        assertEquals(List.of("bad"), ids(new RunQuery("app-1", null, null, null, T0.plusSeconds(4), 1, 20)));
        assertEquals(List.of(), ids(new RunQuery("app-1", null, null, null, null, 3, 4)));
    }

    @Test
    void concurrentRunsAreRecordedCompletelyThroughGroupCommit() throws Exception {
        int threads = 16;
        int perThread = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        record("c" + thread + "-" + i, "app-c", "u", T0.plusMillis(thread * 1000L + i),
                                RunStatus.SUCCEEDED, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        RunPage all = store.query(new RunQuery("app-c", null, null, null, null, 1, 100));
        assertEquals(threads * perThread, all.total());
        assertEquals(List.of(RunStatus.SUCCEEDED), all.runs().stream().map(RunRecord::status).distinct().toList());
        for (int t = 0; t < threads; t++) {
            List<NodeExecutionRecord> nodes = store.nodeExecutions("c" + t + "-" + (perThread - 1));
            assertEquals(1, nodes.size());
            assertEquals(NodeStatus.SUCCEEDED, nodes.get(0).status());
        }
    }

    @Test
    void aRunRecordedInPartsAcrossBatchesEndsFinal() {
        recorder.onRunStart(new RunStarted("p1", T0, "wf-1", Map.of(), new RunOrigin("app-1", "u")));
        writer.flush(); // the insert is committed; what follows are updates of existing rows
        recorder.onEvent(new NodeStarted("p1", T0, "p1-n1", "start", "start", "1", "Start", 1, null, Map.of(), null,
                null));
        writer.flush();
        recorder.onEvent(new NodeFinished("p1", T0.plusMillis(3), "p1-n1", "start", "start", "1", "Start", 1, null,
                NodeStatus.SUCCEEDED, Map.of(), Map.of(), Map.of("a", 1), Map.of(), null, null, T0, 3, null, null));
        recorder.onEvent(new RunFinished("p1", T0.plusMillis(4), "wf-1", RunStatus.SUCCEEDED, Map.of("a", 1), null, 0,
                1, 0, T0, 4));

        RunRecord r = store.run("p1").orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, r.status());
        assertEquals("u", r.createdBy());
        assertEquals(Map.of("a", 1), store.nodeExecutions("p1").get(0).outputs());
    }

    private List<String> ids(RunQuery q) {
        return store.query(q).runs().stream().map(RunRecord::id).toList();
    }
}
