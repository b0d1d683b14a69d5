package io.tributary.api.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tributary.api.model.PluginInfo;

/**
 * Installs and retires plugin bundles at run time. A new version is always installed <em>beside</em> the old
 * one (never {@code Bundle.update} in place); new runs take it at once, runs pinned to the old one finish on
 * it, and the old one is then retired.
 */
@ProviderType
public interface PluginAdmin {

    /** Every bundle in the framework with what it registers, by bundle id. */
    List<PluginInfo> plugins();

    /** One bundle, if installed. */
    Optional<PluginInfo> plugin(long bundleId);

    /**
     * Installs a bundle jar and starts it, within the start time limit and off the caller's thread. On any
     * problem (a bad manifest, a duplicate, a failure or a timeout on start) nothing stays installed and the jar
     * is deleted.
     *
     * @param fileName the uploaded file's name (for messages and the stored copy)
     * @param jar      the jar's bytes; read fully, not closed
     * @throws InvalidBundleException the file is not a bundle, duplicates an installed one, or cannot resolve
     *                                or start; the message says why
     */
    PluginInfo install(String fileName, InputStream jar) throws InvalidBundleException, IOException;

    /**
     * Starts a plugin bundle again at an admin's request, lifting its quarantine: within the start time limit,
     * off the caller's thread. If it fails or times out again it is quarantined again.
     *
     * @return the plugin as it is now, or empty when no such bundle exists
     * @throws InvalidBundleException   it did not start; the message says why
     * @throws IllegalArgumentException for the system bundle or a core bundle
     */
    Optional<PluginInfo> start(long bundleId) throws InvalidBundleException;

    /**
     * Retires a bundle: waits (bounded) until none of its node types is in use by a run, then stops,
     * uninstalls and refreshes it.
     *
     * @param drainTimeout how long to wait for in-flight runs; past it the bundle is retired anyway
     * @return what happened, or empty when no such bundle exists
     * @throws IllegalArgumentException for the system bundle or a core bundle
     */
    Optional<RetireResult> retire(long bundleId, Duration drainTimeout) throws InterruptedException;
}
