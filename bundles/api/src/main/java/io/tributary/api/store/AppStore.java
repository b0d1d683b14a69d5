package io.tributary.api.store;

import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.AppVersion;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Workflow apps and their published versions. The store keeps the DSL text only; parsing and validating it is
 * the caller's job (the {@link io.tributary.api.dsl.DslImporter}), before {@link #create} and before
 * {@link #publish}.
 */
@ProviderType
public interface AppStore {

    /** Creates an app as a draft holding this DSL; the app has no published version yet. */
    App create(String name, String mode, String description, String dsl);

    /** The app, or empty. */
    Optional<App> app(String appId);

    /** Every app, newest first. */
    List<App> list();

    /**
     * Publishes the app's current draft as a new immutable version numbered one above the latest.
     *
     * @return the new version, or empty when there is no such app
     */
    Optional<AppVersion> publish(String appId);

    /** The app's latest published version, or empty when never published (or no such app). */
    Optional<AppVersion> latest(String appId);

    /** A published version by its workflow id, or empty. */
    Optional<AppVersion> version(String workflowId);
}
