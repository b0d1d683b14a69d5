package io.tributary.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tributary.api.app.AppDslException;
import io.tributary.api.app.AppRun;
import io.tributary.api.app.AppRunRequest;
import io.tributary.api.app.AppService;
import io.tributary.api.error.ServiceException;
import io.tributary.api.event.RunFinished;
import io.tributary.api.event.RunStatus;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;
import io.tributary.api.store.dto.UploadFile;

class AppServiceTest extends AppFixture {

    private App published() {
        App app = service.importDraft(DSL);
        service.publish(app.id());
        return app;
    }

    private AppRun run(App app, String user, Map<String, Object> inputs) {
        return service.run(app, new AppRunRequest(null, inputs, List.of(), user, null));
    }

    private static RunFinished finished(AppRun run) throws Exception {
        return run.handle().completion().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ServiceException refused(String code, org.junit.jupiter.api.function.Executable call) {
        ServiceException e = assertThrows(ServiceException.class, call);
        assertEquals(code, e.code());
        return e;
    }

    @Test
    void aRunIsRecordedWithItsAppAndUserByTheStoresLayerAlone() throws Exception {
        App app = published();
        release = new CountDownLatch(1);
        AppRun run = run(app, "alice", Map.of("name", "Ada", "n", "42"));
        run.handle().started().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        RunRecord started = service.runDetail(app, run.runId());
        assertEquals(RunStatus.RUNNING, started.status());
        assertEquals("alice", started.createdBy());
        assertEquals(Map.of("name", "Ada", "n", "42"), started.inputs(), "recorded as the client sent them");

        release.countDown();
        assertEquals(RunStatus.SUCCEEDED, finished(run).status());
        RunRecord done = service.runDetail(app, run.runId());
        assertEquals(RunStatus.SUCCEEDED, done.status());
        assertEquals(app.id(), done.appId());
        assertEquals(1, service.logs(app, new RunQuery("ignored", null, null, null, null, 1, 20)).total());
    }

    @Test
    void aRunTheEngineRefusesIsRecordedAsFailedAndAnsweredAppUnavailable() {
        App app = published();
        registry.entries.removeIf(e -> e.info().type().equals("hold")); // uninstalled after publishing

        ServiceException e = refused("app_unavailable", () -> run(app, "alice", Map.of("name", "Ada")));
        assertTrue(e.getMessage().startsWith("The workflow cannot run: "), e.getMessage());
        var page = service.logs(app, new RunQuery(app.id(), null, RunStatus.FAILED, null, null, 1, 20));
        assertEquals(1, page.total());
        assertEquals("alice", page.runs().get(0).createdBy());
    }

    @Test
    void aStopFromAnotherUserOfTheAppIsIgnored() throws Exception {
        App app = published();
        release = new CountDownLatch(1);
        AppRun alices = run(app, "alice", Map.of("name", "Ada"));
        alices.handle().started().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        service.stop(app, alices.runId(), "mallory"); // answered success by the route, as Dify does
        assertFalse(alices.handle().completion().toCompletableFuture().isDone());
        assertTrue(engine.run(alices.runId()).isPresent(), "alice's run goes on");

        service.stop(app, alices.runId(), "alice");
        RunFinished f = finished(alices);
        assertEquals(RunStatus.STOPPED, f.status());
        assertEquals(AppService.STOP_REASON, f.error());
    }

    @Test
    void anotherAppsOrADatasetKeysUploadIsAnsweredLikeAnUnknownId() throws Exception {
        App app = published();
        App other = service.importDraft(DSL);
        String own = upload(UploadFile.appScope(app.id()));
        String foreign = upload(UploadFile.appScope(other.id()));
        String dataset = upload(UploadFile.DATASETS_SCOPE);

        for (String id : List.of(foreign, dataset, "no-such-upload")) {
            ServiceException e = refused("invalid_param", () -> run(app, "alice", Map.of("name", "Ada",
                    "doc", Map.of("type", "document", "transfer_method", "local_file", "upload_file_id", id))));
            assertEquals("doc: Invalid upload file id " + id, e.getMessage());
        }
        AppRun ok = run(app, "alice", Map.of("name", "Ada",
                "doc", Map.of("type", "document", "transfer_method", "local_file", "upload_file_id", own)));
        assertEquals(RunStatus.SUCCEEDED, finished(ok).status());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) service.runDetail(app, ok.runId()).inputs().get("doc");
        assertEquals("__dify__file__", doc.get("dify_model_identity"));
        assertEquals(own, doc.get("related_id"));
    }

    private String upload(String scope) throws Exception {
        return files.save("a.txt", "text/plain", "u", scope,
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 1024).id();
    }

    @Test
    void aMillionDigitNumberIsRefusedAtOnce() {
        App app = published();
        String digits = "9".repeat(1_000_000);
        // took ~35 s of CPU before number text was bounded (parsed twice, quadratically)
        ServiceException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> refused("invalid_param", () -> run(app, "alice", Map.of("name", "Ada", "n", digits))));
        assertEquals("n in input form must be a valid number", e.getMessage());
        assertEquals(ServiceException.Reason.INVALID, e.reason());
    }

    @Test
    void theRequestIsCheckedInDifysOrderBeforeAnythingRuns() {
        App app = service.importDraft(DSL);
        refused("invalid_param", () -> run(app, " ", Map.of("name", "Ada")));
        refused("app_unavailable", () -> run(app, "alice", Map.of("name", "Ada")));
        service.publish(app.id());
        refused("bad_request", () -> service.run(app, new AppRunRequest("nope", Map.of(), null, "u", null)));
        refused("not_found", () -> service.run(app, new AppRunRequest(java.util.UUID.randomUUID().toString(),
                Map.of(), null, "u", null)));
        assertEquals("name is required in input form",
                refused("invalid_param", () -> run(app, "alice", Map.of())).getMessage());
        assertEquals(0, service.logs(app, new RunQuery(app.id(), null, null, null, null, 1, 20)).total());
    }

    @Test
    void theAdminSideDecidesWhatIsAnAppAndWhoseKeyIsWhose() {
        assertTrue(assertThrows(AppDslException.class, () -> service.importDraft("app: {mode: workflow}\nworkflow: 7"))
                .getMessage().startsWith("The DSL has "));
        refused("invalid_dsl", () -> service.importDraft(DSL.replace("mode: workflow", "mode: chat")));
        refused("not_found", () -> service.app("missing"));
        App a = service.importDraft(DSL);
        App b = service.importDraft(DSL);
        String keyOfB = service.issueKey(b.id()).key().id();
        assertEquals("API key " + keyOfB + " not found.",
                refused("not_found", () -> service.revokeKey(a.id(), keyOfB)).getMessage());
        service.revokeKey(b.id(), keyOfB);
        assertEquals(1, service.app(b.id()).keys().size());
        assertEquals(1, service.publish(a.id()).version());
        refused("app_unavailable", () -> service.parameters(b));
        assertEquals(List.of("name", "n", "doc"),
                service.parameters(a).form().fields().stream().map(f -> f.variable()).toList());
    }
}
