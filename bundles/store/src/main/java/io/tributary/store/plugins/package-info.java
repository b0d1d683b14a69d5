/** Durable records of installed plugin bundles, so uploads survive a framework restart with a clean cache. */
package io.tributary.store.plugins;
