package io.tributary.dist.evil;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A plugin activator that ends the server process (packed into a test bundle by the E2E tests). */
public final class ExitActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        System.exit(3);
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
