package io.tributary.engine.plugins;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts plugin bundles and keeps a plugin that misbehaves on start from taking the server with it:
 * <ul>
 * <li>every start of a plugin, whoever asks for it (an upload, the boot, FileInstall, a refresh), is noted in
 * the {@link StartJournal} before its activator runs and cleared when the start ends (a synchronous listener);
 * a note left by a process that died marks the plugin that killed it;</li>
 * <li>{@link #start} runs {@code Bundle.start} transiently on a thread of its own and waits at most the time
 * limit, interrupting the start when it is over;</li>
 * <li>a quarantined plugin gets a start level above the framework's, so that nothing (FileInstall included)
 * starts it until {@link #release} puts it back.</li>
 * </ul>
 */
final class PluginStarter implements SynchronousBundleListener {
    private static final Logger LOG = LoggerFactory.getLogger(PluginStarter.class);
    /** Above any level the framework runs at: a bundle there cannot be started. */
    static final int QUARANTINE_START_LEVEL = 1_000;
    /** How long an interrupted start gets to unwind before its bundle is cleaned up anyway. */
    private static final Duration UNWIND = Duration.ofSeconds(5);

    private final BundleContext ctx;
    private final StartJournal journal;
    private final Predicate<Bundle> isPlugin;
    private final Duration limit;

    PluginStarter(BundleContext ctx, StartJournal journal, Predicate<Bundle> isPlugin, Duration limit) {
        this.ctx = ctx;
        this.journal = journal;
        this.isPlugin = isPlugin;
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        if (!isPlugin.test(b)) {
            return;
        }
        String location = b.getLocation();
        switch (event.getType()) {
            case BundleEvent.STARTING -> journal.starting(location);
            case BundleEvent.STARTED, BundleEvent.STOPPED -> journal.ended(location);
            case BundleEvent.INSTALLED -> {
                if (journal.quarantined(location).isPresent()) {
                    hold(b);
                }
            }
            case BundleEvent.UNINSTALLED -> journal.forget(location);
            default -> {
                // nothing to note
            }
        }
    }

    /** Quarantines the plugins whose start never ended: the process died (or was killed) while they started. */
    void quarantineUnfinishedStarts() {
        for (String location : journal.unfinishedStarts()) {
            String reason = "it was starting when the server process ended (its activator called System.exit, or"
                    + " hung until the process was killed); it is not started again until an admin starts it";
            LOG.error("Quarantined plugin {}: {}", location, reason);
            journal.quarantine(location, reason);
        }
        for (String location : journal.quarantinedLocations()) {
            Bundle b = ctx.getBundle(location);
            if (b != null) {
                hold(b);
            }
        }
    }

    /** Why this plugin is quarantined, if it is. */
    java.util.Optional<String> quarantined(Bundle b) {
        return journal.quarantined(b.getLocation());
    }

    void quarantine(Bundle b, String reason) {
        LOG.error("Quarantined plugin {} {} (bundle {}): {}", b.getSymbolicName(), b.getVersion(), b.getBundleId(),
                reason);
        journal.quarantine(b.getLocation(), reason);
        hold(b);
    }

    /** Lifts the quarantine so that the plugin can be started again. */
    void release(Bundle b) {
        journal.release(b.getLocation());
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        if (level != null) {
            level.setStartLevel(ctx.getBundle(0).adapt(FrameworkStartLevel.class).getInitialBundleStartLevel());
        }
    }

    private static void hold(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        if (level != null && level.getStartLevel() < QUARANTINE_START_LEVEL) {
            level.setStartLevel(QUARANTINE_START_LEVEL);
        }
    }

    /**
     * Starts the bundle transiently (the framework never starts a plugin on its own at the next launch) on a
     * thread of its own, waiting at most the time limit.
     *
     * @throws StartFailure the bundle did not resolve, its activator failed, or the time ran out
     */
    void start(Bundle b) throws StartFailure {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().daemon().name("plugin-start-" + b.getBundleId()).start(() -> {
            try {
                b.start(Bundle.START_TRANSIENT);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                if (b.getState() != Bundle.STARTING) {
                    journal.ended(b.getLocation()); // the listener did it, unless the framework sent no event
                }
            }
        });
        try {
            done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            try {
                done.get(UNWIND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillStuckOrFailedAsExpected) {
                // reported below
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            throw new StartFailure("it did not start within " + limit.toSeconds() + " s (its activator hangs)", true,
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // its activator threw (the framework wraps it), or something else escaped the plugin's code; a
            // missing dependency, a start level or a bundle uninstalled meanwhile is not the plugin's fault
            boolean activator = cause instanceof BundleException be ? be.getType() == BundleException.ACTIVATOR_ERROR
                    : !(cause instanceof IllegalStateException);
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (cause instanceof BundleException && cause.getCause() != null && cause.getCause().getMessage() != null) {
                message = message + ": " + cause.getCause().getMessage();
            }
            throw new StartFailure(message, activator, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while starting", false, e);
        }
    }

    /**
     * Uninstalls a bundle whose start failed or timed out; when its activator is still running (the bundle is
     * STARTING and the framework would block) the uninstall waits on a thread of its own.
     */
    static void discard(Bundle b) {
        Runnable uninstall = () -> {
            try {
                b.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.debug("Bundle {} already gone: {}", b.getBundleId(), e.getMessage());
            }
        };
        if (b.getState() == Bundle.STARTING) {
            LOG.warn("Bundle {} ({}) is still starting; it is uninstalled once its activator returns",
                    b.getBundleId(), b.getSymbolicName());
            Thread.ofPlatform().daemon().name("plugin-discard-" + b.getBundleId()).start(uninstall);
        } else {
            uninstall.run();
        }
    }

    /** Why a plugin did not start. */
    static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean pluginsFault;

        StartFailure(String message, boolean pluginsFault, Throwable cause) {
            super(message, cause);
            this.pluginsFault = pluginsFault;
        }

        /** True when its own code failed or hung (not merely a missing dependency): grounds for quarantine. */
        boolean pluginsFault() {
            return pluginsFault;
        }
    }
}
