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
 * Recorded runs, read-only: {@link RunRecorder} is their one writer (through the group-committing {@link RunWriter});
 * reads flush the writer first, so they see every write queued before them.
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
}
