package io.tributary.runtime;

import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Hands the runtime's settings to OSGi components through Config Admin, one PID per component. The launcher
 * lives outside the framework and does not share the Config Admin API classes with it, so the calls go
 * through the interface loaded by the Config Admin bundle itself.
 */
final class ConfigPublisher {
    private static final String CM = "org.osgi.service.cm.ConfigurationAdmin";

    private final BundleContext ctx;

    ConfigPublisher(BundleContext ctx) {
        this.ctx = ctx;
    }

    /** Creates or updates the configuration of each PID; an unchanged one is left alone. */
    void publish(Map<String, Map<String, Object>> byPid) throws Exception {
        ServiceReference<?> ref = ctx.getServiceReference(CM);
        if (ref == null) {
            throw new IllegalStateException("Config Admin is not running; check that " + CoreBundles.CONFIG_ADMIN
                    + " is in bundle/");
        }
        Object admin = ctx.getService(ref);
        try {
            Class<?> adminType = ref.getBundle().loadClass(CM);
            Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method getConfiguration = adminType.getMethod("getConfiguration", String.class, String.class);
            Method updateIfDifferent = configType.getMethod("updateIfDifferent", Dictionary.class);
            for (Map.Entry<String, Map<String, Object>> e : byPid.entrySet()) {
                Object config = getConfiguration.invoke(admin, e.getKey(), "?");
                Dictionary<String, Object> props = new Hashtable<>(e.getValue());
                updateIfDifferent.invoke(config, props);
            }
        } finally {
            ctx.ungetService(ref);
        }
    }
}
