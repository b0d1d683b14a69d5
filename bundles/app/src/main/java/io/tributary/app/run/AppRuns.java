package io.tributary.app.run;

import java.util.List;
import java.util.Map;

import io.tributary.api.app.AppRun;
import io.tributary.api.app.AppRunRequest;
import io.tributary.api.app.AppService;
import io.tributary.api.app.StartForm;
import io.tributary.api.dsl.EnvironmentVariable;
import io.tributary.api.dsl.Secret;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.engine.RunRequest;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.error.ServiceException;
import io.tributary.api.error.ServiceException.Reason;
import io.tributary.api.model.SystemVariables;
import io.tributary.api.model.TimeOrderedIds;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.RunStore;
import io.tributary.api.store.dto.App;
import io.tributary.app.files.RunFiles;

/**
 * Runs and stops an app's published versions: resolves the version, the files and the start form, builds the
 * engine request with the run's origin (app, user) and starts it. Nothing is recorded here: the store's engine
 * layer writes the record from the run's events (a refused run included).
 */
public final class AppRuns {
    private final PublishedVersions versions;
    private final WorkflowEngine engine;
    private final RunStore runs;
    private final FileStore files;
    private final SsrfGuard ssrf;

    public AppRuns(PublishedVersions versions, WorkflowEngine engine, RunStore runs, FileStore files, SsrfGuard ssrf) {
        this.versions = versions;
        this.engine = engine;
        this.runs = runs;
        this.files = files;
        this.ssrf = ssrf;
    }

    /** {@link AppService#run}. */
    public AppRun run(App app, AppRunRequest r) {
        requireUser(r.user());
        PublishedVersions.Published p = r.workflowId() == null ? versions.latest(app) : versions.byId(app, r.workflowId());
        StartForm form = StartForm.of(p.document().graph());
        RunFiles runFiles = new RunFiles(files, ssrf, app.id());
        List<Object> sysFiles = runFiles.systemFiles(r.files());
        Map<String, Object> inputs = runFiles.inputs(form, r.inputs());
        form.check(inputs);

        String runId = TimeOrderedIds.next();
        String workflowId = p.version().workflowId();
        RunRequest.Builder request = RunRequest.builder().runId(runId).workflowId(workflowId).inputs(inputs)
                .origin(app.id(), r.user())
                .system(SystemVariables.USER_ID, r.user()).system(SystemVariables.APP_ID, app.id())
                .system(SystemVariables.WORKFLOW_ID, workflowId).system(SystemVariables.FILES, sysFiles)
                .listener(r.listener());
        for (EnvironmentVariable env : p.document().environmentVariables()) {
            Object value = env.value() instanceof Secret s ? s.reveal() : env.value();
            request.environment(env.name(), value, env.secret());
        }
        try {
            return new AppRun(engine.start(p.document().graph(), request.build()), workflowId);
        } catch (RunRejectedException e) {
            throw new ServiceException(Reason.INVALID, "app_unavailable", "The workflow cannot run: " + e.getMessage());
        }
    }

    /**
     * {@link AppService#stop}: only a run of this app started by this user is stopped (Dify's stop flag is keyed by
     * the task's owner: a stop from anyone else is ignored). The record is readable by then: a client learns a task
     * id only from the stream's first event or the blocking answer, both sent after the record is durable.
     */
    public void stop(App app, String taskId, String user) {
        requireUser(user);
        engine.run(taskId).ifPresent(handle -> {
            if (runs.run(taskId).map(rec -> app.id().equals(rec.appId()) && user.equals(rec.createdBy()))
                    .orElse(false)) {
                handle.stop(AppService.STOP_REASON);
            }
        });
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw ServiceException.invalidParam("Arg user must be provided.");
        }
    }
}
