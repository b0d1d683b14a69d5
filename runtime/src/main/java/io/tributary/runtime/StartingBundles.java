package io.tributary.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * The bundles whose activator is running right now, so that the shutdown hook can name the bundle that was
 * starting when the JVM began to exit: {@code System.exit} called from a plugin's activator cannot be blocked on
 * this JDK, but it can be told. (The engine's start journal makes the next start quarantine that plugin.)
 */
final class StartingBundles implements SynchronousBundleListener {
    private final Map<Long, String> starting = new LinkedHashMap<>();

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        synchronized (starting) {
            switch (event.getType()) {
                case BundleEvent.STARTING -> starting.put(b.getBundleId(),
                        b.getSymbolicName() + " " + b.getVersion() + " (bundle " + b.getBundleId() + ", "
                                + b.getLocation() + ")");
                case BundleEvent.STARTED, BundleEvent.STOPPED, BundleEvent.UNINSTALLED -> starting.remove(b.getBundleId());
                default -> {
                    // not a start
                }
            }
        }
    }

    /** Descriptions of the bundles being started now. */
    List<String> now() {
        synchronized (starting) {
            return new ArrayList<>(starting.values());
        }
    }
}
