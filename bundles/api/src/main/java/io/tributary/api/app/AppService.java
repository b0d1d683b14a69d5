package io.tributary.api.app;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.error.ServiceException;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.api.store.dto.IssuedKey;
import io.tributary.api.store.dto.RunPage;
import io.tributary.api.store.dto.RunQuery;
import io.tributary.api.store.dto.RunRecord;

/**
 * Workflow apps: the rules behind Dify's workflow service API and the admin app routes, implemented by the app
 * bundle. Callers authenticate first (the HTTP bundle resolves an app key to its {@link App}); this service decides
 * everything else.
 *
 * <p><b>Threading.</b> Thread-safe; every method may be called concurrently. Only {@link #run} starts work that
 * outlives the call: the run goes on on the engine's threads, its events go to the request's listener.
 *
 * <p><b>Failures.</b> Every refusal is a {@link ServiceException} carrying Dify's code and message, so the wire
 * answers stay Dify's: {@code invalid_param} (a bad input, user or file), {@code app_unavailable} (nothing
 * published, the published DSL cannot be read, the engine refused the run), {@code bad_request} (a malformed
 * workflow id), {@code not_found} (an unknown app, version, run or key, or one of another app), {@code invalid_dsl}
 * ({@link AppDslException}, listing every problem).
 */
@ProviderType
public interface AppService {

    /**
     * Imports a DSL as a new app whose draft it is. Decides: the DSL is valid (every problem reported at once) and is
     * a workflow app ({@code kind: app}, {@code app.mode: workflow}).
     *
     * @throws AppDslException {@code invalid_dsl} with the problems, or when it is not a workflow app
     */
    App importDraft(String dsl);

    /** Every app, newest first. */
    List<App> apps();

    /**
     * One app with its keys.
     *
     * @throws ServiceException {@code not_found} "App &lt;id&gt; not found."
     */
    AppDetail app(String appId);

    /**
     * Publishes the app's draft as a new immutable version (next number, new workflow id). Decides: the draft is
     * still valid against the node types installed now.
     *
     * @throws AppDslException  when the draft has problems
     * @throws ServiceException {@code not_found} for an unknown app
     */
    AppVersion publish(String appId);

    /** Issues a new {@code app-} key for the app; its secret is in the answer only. */
    IssuedKey issueKey(String appId);

    /**
     * Revokes one of the app's active keys.
     *
     * @throws ServiceException {@code not_found} "API key &lt;id&gt; not found." for a key of another app, an
     *                          unknown or already revoked one
     */
    void revokeKey(String appId, String keyId);

    /**
     * Starts a run of the app's latest published version, or of the version {@link AppRunRequest#workflowId()}
     * names. Decides, in this order: the user is given; the version exists and is the app's; the request's files
     * and the start form's file inputs resolve ({@code local_file} uploads of this app only, {@code remote_url}
     * through the SSRF guard, each within the variable's allowed types, extensions and methods); the inputs satisfy
     * the {@link StartForm}; the engine accepts the graph. The run is recorded by the store's engine layer with
     * this app and user as its origin; nothing is written here.
     *
     * @return the started run; the request's listener has been subscribed since before its first event
     * @throws ServiceException {@code invalid_param}, {@code bad_request}, {@code not_found} or
     *                          {@code app_unavailable}, before anything ran
     */
    AppRun run(App app, AppRunRequest request);

    /**
     * Stops a run of this app that {@code user} started. As Dify, a stop of a task that is unknown, finished, of
     * another app or of another user does nothing and is not an error: the caller answers success either way.
     *
     * @throws ServiceException {@code invalid_param} when no user is given
     */
    void stop(App app, String taskId, String user);

    /**
     * The record of one of the app's runs.
     *
     * @throws ServiceException {@code not_found} "Workflow run not found." for an unknown run or one of another app
     */
    RunRecord runDetail(App app, String runId);

    /** A page of the app's runs; the query's app id is replaced by this app's. */
    RunPage logs(App app, RunQuery query);

    /**
     * The published version's features and start form ({@code /v1/parameters}).
     *
     * @throws ServiceException {@code app_unavailable} when nothing is published
     */
    AppParameters parameters(App app);

    /** The message of a stop requested through {@link #stop}. */
    String STOP_REASON = "User requested stop";
}
