package io.tributary.app;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tributary.api.app.AppDetail;
import io.tributary.api.app.AppDslException;
import io.tributary.api.app.AppParameters;
import io.tributary.api.app.AppRun;
import io.tributary.api.app.AppRunRequest;
import io.tributary.api.app.AppService;
import io.tributary.api.app.StartForm;
import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.dsl.DslKind;
import io.tributary.api.engine.WorkflowEngine;
import io.tributary.api.error.ServiceException;
import io.tributary.api.error.ServiceException.Reason;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.RunStore;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.KeyKind;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.app.run.AppRuns;
import io.tributary.app.run.PublishedVersions;

/**
 * The {@link AppService}: the admin side (import, publish, keys) here, runs in {@link AppRuns}, published versions
 * in {@link PublishedVersions}.
 */
@Component(service = AppService.class)
public final class AppServiceImpl implements AppService {
    private final AppStore apps;
    private final ApiKeyStore keys;
    private final RunStore runs;
    private final DslImporter importer;
    private final PublishedVersions versions;
    private final AppRuns appRuns;

    @Activate
    public AppServiceImpl(@Reference AppStore apps, @Reference ApiKeyStore keys, @Reference RunStore runs,
                          @Reference DslImporter importer, @Reference WorkflowEngine engine,
                          @Reference FileStore files, @Reference SsrfGuard ssrf) {
        this.apps = apps;
        this.keys = keys;
        this.runs = runs;
        this.importer = importer;
        this.versions = new PublishedVersions(apps, importer);
        this.appRuns = new AppRuns(versions, engine, runs, files, ssrf);
    }

    @Override
    public App importDraft(String dsl) {
        DslDocument doc = checked(dsl);
        if (doc.kind() != DslKind.APP || !"workflow".equals(doc.metadata().mode())) {
            throw new ServiceException(Reason.INVALID, "invalid_dsl", "Only workflow apps can be imported (kind: app, "
                    + "app.mode: workflow); got kind '" + doc.kind().dslName() + "', mode '" + doc.metadata().mode()
                    + "'.");
        }
        return apps.create(doc.metadata().name(), doc.metadata().mode(), doc.metadata().description(), dsl);
    }

    private DslDocument checked(String yaml) {
        try {
            return importer.importDsl(yaml);
        } catch (DslImportException e) {
            throw new AppDslException(e.problems());
        }
    }

    @Override
    public List<App> apps() {
        return apps.list();
    }

    @Override
    public AppDetail app(String appId) {
        App app = existing(appId);
        return new AppDetail(app, keys.list(KeyKind.APP, app.id()));
    }

    @Override
    public AppVersion publish(String appId) {
        App app = existing(appId);
        checked(app.draftDsl());
        return apps.publish(app.id()).orElseThrow(() -> notFound(app.id()));
    }

    @Override
    public IssuedKey issueKey(String appId) {
        return keys.issue(KeyKind.APP, existing(appId).id());
    }

    @Override
    public void revokeKey(String appId, String keyId) {
        App app = existing(appId);
        boolean ours = keys.list(KeyKind.APP, app.id()).stream().anyMatch(k -> k.id().equals(keyId) && k.active());
        if (!ours || !keys.revoke(keyId)) {
            throw ServiceException.notFound("API key " + keyId + " not found.");
        }
    }

    @Override
    public AppRun run(App app, AppRunRequest request) {
        return appRuns.run(app, request);
    }

    @Override
    public void stop(App app, String taskId, String user) {
        appRuns.stop(app, taskId, user);
    }

    @Override
    public RunRecord runDetail(App app, String runId) {
        return runs.run(runId).filter(r -> app.id().equals(r.appId()))
                .orElseThrow(() -> ServiceException.notFound("Workflow run not found."));
    }

    @Override
    public RunPage logs(App app, RunQuery q) {
        return runs.query(new RunQuery(app.id(), q.keyword(), q.status(), q.createdBefore(), q.createdAfter(), q.page(),
                q.limit()));
    }

    @Override
    public AppParameters parameters(App app) {
        DslDocument doc = versions.latest(app).document();
        return new AppParameters(doc.features(), StartForm.of(doc.graph()));
    }

    private App existing(String appId) {
        return apps.app(appId).orElseThrow(() -> notFound(appId));
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("App " + id + " not found.");
    }
}
