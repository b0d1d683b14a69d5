package io.tributary.store.runs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.dto.NodeExecutionRecord;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.api.store.RunStore;

/**
 * Recorded runs: writes go through the group-committing {@link RunWriter} (as {@link RunRecorder}'s do); reads
 * flush it first, so they see every write made before them.
 */
@Component(service = RunStore.class)
public final class JdbcRunStore implements RunStore {
    private final RunWriter writer;
    private final RunTables tables;

    @Activate
    public JdbcRunStore(@Reference RunWriter writer) {
        this.writer = writer;
        this.tables = writer.tables();
    }

    @Override
    public void begin(RunRecord run) {
        Objects.requireNonNull(run, "run");
        writer.enqueue(new RunWriter.Begin(run));
    }

    @Override
    public void reject(String runId, String error) {
        writer.enqueue(new RunWriter.Reject(runId, error));
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        if (runId == null) {
            return Optional.empty();
        }
        writer.flush();
        return tables.run(runId);
    }

    @Override
    public List<NodeExecutionRecord> nodeExecutions(String runId) {
        writer.flush();
        return tables.nodes(runId);
    }

    @Override
    public RunPage query(RunQuery query) {
        Objects.requireNonNull(query, "query");
        writer.flush();
        return tables.query(query);
    }

    @Override
    public void flush() {
        writer.flush();
    }
}
