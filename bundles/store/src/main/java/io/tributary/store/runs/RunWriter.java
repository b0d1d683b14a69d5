package io.tributary.store.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStarted;
import io.tributary.api.event.RunFinished;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.api.store.RunStore;
import io.tributary.store.db.Database;

/**
 * Writes run and node-execution records with group commit: callers enqueue and return at once (the engine's event
 * path never waits for the database); one writer thread takes everything queued and writes it in one transaction,
 * folding a row's insert and its later update into one insert when both are in the same batch. Readers call
 * {@link #flush()} first, so a read sees every write enqueued before it; {@link RunRecorder} hands the engine
 * {@link #written(long)} of a run's first and last write, so callers learn when the record is durable. Before it accepts the first write it marks
 * the runs a previous process left {@code running} as failed (they were interrupted by a crash).
 *
 * <p>Registered as a service private to this bundle; {@link JdbcRunStore} and {@link RunRecorder} share it.
 */
@Component(service = RunWriter.class)
public final class RunWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunWriter.class);
    private static final int MAX_BATCH = 4096;
    /** How long the writer waits for more writes after the first of a batch. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(30);

    /** One queued write. */
    sealed interface Op {
    }

    record Begin(RunRecord run) implements Op {
    }

    record Finish(RunFinished event) implements Op {
    }

    /** A run that never started: inserted as it is (already failed). */
    record Reject(RunRecord run) implements Op {
    }

    record NodeStart(NodeStarted event) implements Op {
    }

    record NodeEnd(NodeFinished event) implements Op {
    }

    private record Entry(long seq, Op op) {
    }

    private final RunTables tables;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final AtomicLong enqueued = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private volatile long written;
    /** Runs this writer inserted that have not finished: a second begin of one is a no-op. Writer thread only. */
    private final Set<String> open = new HashSet<>();
    private final Thread thread;
    private volatile boolean closing;

    @Activate
    public RunWriter(@Reference Database database) {
        this(new RunTables(database.dataSource()));
    }

    RunWriter(RunTables tables) {
        this.tables = tables;
        int failed = tables.failRunning(RunStore.INTERRUPTED);
        if (failed > 0) {
            LOG.warn("Marked {} run(s) left running by a previous process as failed", failed);
        }
        this.thread = Thread.ofPlatform().daemon().name("tributary-run-writer").start(this::loop);
    }

    RunTables tables() {
        return tables;
    }

    /** Queues a write; never blocks. Returns the write's sequence number, for {@link #written(long)}. */
    long enqueue(Op op) {
        lock.lock(); // sequence numbers enter the queue in order
        try {
            long seq = enqueued.incrementAndGet();
            queue.add(new Entry(seq, op));
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** The sequence number of the last write queued so far. */
    long enqueued() {
        return enqueued.get();
    }

    /**
     * Completes (on the writer thread, never exceptionally) once the write with that sequence number and every
     * earlier one is committed, or failed and was logged.
     */
    CompletableFuture<Void> written(long seq) {
        if (written >= seq) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter w = new Waiter(seq, new CompletableFuture<>());
        waiters.add(w);
        if (written >= seq) { // the writer may have passed seq before the waiter was queued
            w.done().complete(null);
        }
        return w.done();
    }

    /** Waits until every write queued before this call is committed (or failed and logged). */
    void flush() {
        long target = enqueued.get();
        if (written >= target) {
            return;
        }
        try {
            written(target).get(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Run records not flushed after {} (queued {}, written {})", FLUSH_WAIT, target, written);
        }
    }

    private record Waiter(long seq, CompletableFuture<Void> done) {
    }

    /** Publishes progress and releases the waiters it satisfies. Writer thread only. */
    private void advance(long seq) {
        written = Math.max(written, seq);
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.seq() <= written) {
                w.done().complete(null);
                it.remove();
            }
        }
    }

    private void loop() {
        List<Entry> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                write(batch);
                advance(batch.get(batch.size() - 1).seq());
            } catch (InterruptedException e) {
                if (!closing) {
                    LOG.warn("Run writer interrupted while not closing");
                }
            } catch (RuntimeException e) {
                LOG.error("Run writer failed on a batch of {} write(s)", batch.size(), e);
                advance(batch.isEmpty() ? written : batch.get(batch.size() - 1).seq());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Collects what else arrives within {@link #LINGER_NANOS} of the first write: a commit costs about the same for
     * one run as for a hundred (H2 rewrites whole pages), so a short wait buys much larger batches under load.
     */
    private void gather(List<Entry> batch) throws InterruptedException {
        long until = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < MAX_BATCH) {
            queue.drainTo(batch, MAX_BATCH - batch.size());
            long left = until - System.nanoTime();
            if (left <= 0 || closing) {
                return;
            }
            Entry next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Entry> batch) {
        Batch b = new Batch();
        for (Entry e : batch) {
            b.add(e.op());
        }
        try {
            tables.inTransaction(c -> b.write(c));
            b.commitBookkeeping();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("A batch of {} run write(s) failed ({}); writing them one by one", batch.size(), e.getMessage());
            for (Entry one : batch) {
                Batch single = new Batch();
                single.add(one.op());
                try {
                    tables.inTransaction(c -> single.write(c));
                    single.commitBookkeeping();
                } catch (SQLException | RuntimeException ex) {
                    LOG.error("Could not record {}", one.op(), ex);
                }
            }
        }
    }

    /** The writes of one batch, folded: inserts carry the final values of rows begun and ended in the batch. */
    private final class Batch {
        private final Map<String, RunRecord> runInserts = new LinkedHashMap<>();
        private final Map<String, NodeStarted> nodeInserts = new LinkedHashMap<>();
        private final Map<String, NodeFinished> nodeEnds = new LinkedHashMap<>();
        private final List<Op> updates = new ArrayList<>();
        private final Set<String> opened = new HashSet<>();
        private final Set<String> closed = new HashSet<>();

        void add(Op op) {
            switch (op) {
                case Begin b -> {
                    String id = b.run().id();
                    if (!open.contains(id) && !runInserts.containsKey(id)) {
                        runInserts.put(id, b.run());
                        opened.add(id);
                    }
                }
                case Finish f -> {
                    RunRecord pending = runInserts.get(f.event().runId());
                    if (pending != null) {
                        runInserts.put(pending.id(), RunTables.finished(pending, f.event()));
                    } else {
                        updates.add(f);
                    }
                    closed.add(f.event().runId());
                }
                case Reject r -> {
                    if (!open.contains(r.run().id())) {
                        runInserts.putIfAbsent(r.run().id(), r.run());
                    }
                    closed.add(r.run().id());
                }
                case NodeStart s -> nodeInserts.putIfAbsent(s.event().executionId(), s.event());
                case NodeEnd e -> {
                    if (nodeInserts.containsKey(e.event().executionId())) {
                        nodeEnds.put(e.event().executionId(), e.event());
                    } else {
                        updates.add(e);
                    }
                }
            }
        }

        void write(Connection c) throws SQLException {
            if (!runInserts.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(RunTables.INSERT_RUN)) {
                    for (RunRecord r : runInserts.values()) {
                        RunTables.bindRun(ps, r);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!nodeInserts.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(RunTables.INSERT_NODE)) {
                    for (NodeStarted s : nodeInserts.values()) {
                        RunTables.bindNode(ps, s, nodeEnds.get(s.executionId()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            for (Op op : updates) {
                switch (op) {
                    case Finish f -> RunTables.finish(c, f.event());
                    case NodeEnd e -> RunTables.nodeFinished(c, e.event());
                    default -> throw new IllegalStateException("not an update: " + op);
                }
            }
        }

        void commitBookkeeping() {
            open.addAll(opened);
            open.removeAll(closed);
        }
    }

    @Deactivate
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(FLUSH_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.warn("Run writer did not drain within {}; {} write(s) left", FLUSH_WAIT, queue.size());
        }
    }
}
