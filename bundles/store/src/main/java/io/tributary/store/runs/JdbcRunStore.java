package io.tributary.store.runs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.store.NodeExecutionRecord;
import io.tributary.api.store.RunPage;
import io.tributary.api.store.RunQuery;
import io.tributary.api.store.RunRecord;
import io.tributary.api.store.RunStore;
import io.tributary.store.db.Database;

/** Reads recorded runs; {@link RunRecorder} writes them from the engine's events. */
@Component(service = RunStore.class)
public final class JdbcRunStore implements RunStore {
    private final RunTables tables;

    @Activate
    public JdbcRunStore(@Reference Database database) {
        this.tables = new RunTables(database.dataSource());
    }

    @Override
    public void begin(RunRecord run) {
        Objects.requireNonNull(run, "run");
        tables.insert(run);
    }

    @Override
    public void reject(String runId, String error) {
        tables.reject(runId, error);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return runId == null ? Optional.empty() : tables.run(runId);
    }

    @Override
    public List<NodeExecutionRecord> nodeExecutions(String runId) {
        return tables.nodes(runId);
    }

    @Override
    public RunPage query(RunQuery query) {
        return tables.query(Objects.requireNonNull(query, "query"));
    }
}
