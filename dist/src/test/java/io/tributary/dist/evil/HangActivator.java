package io.tributary.dist.evil;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A plugin activator that never returns, not even when interrupted (packed into a test bundle by the E2E tests). */
public final class HangActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Object never = new Object();
        while (true) {
            synchronized (never) {
                try {
                    never.wait();
                } catch (InterruptedException ignored) {
                    // a stubborn plugin: it goes on waiting
                }
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
