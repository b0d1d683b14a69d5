/**
 * Plugin administration: check uploaded jars ({@code BundleJar}: OSGi names, bounded manifests, no core names or
 * API exports) and store them under generated names in {@code <data>/plugins}; install them beside existing
 * versions, drain and retire; start plugins within a time limit with a durable start journal, quarantining those
 * that fail, hang or end the process ({@code PluginStarter}, {@code StartJournal}); restore uploads after a clean
 * start and sweep partial uploads.
 */
package io.tributary.engine.plugins;
