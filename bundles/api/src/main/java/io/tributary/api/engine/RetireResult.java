package io.tributary.api.engine;

import io.tributary.api.model.PluginInfo;

/**
 * The outcome of {@link PluginAdmin#retire}.
 *
 * @param plugin        the bundle as it was before retiring
 * @param drained       true if every in-flight use ended before the timeout
 * @param inFlightLeft  uses still open when it was retired (0 when drained)
 * @param waitedMillis  how long the drain took
 */
public record RetireResult(PluginInfo plugin, boolean drained, int inFlightLeft, long waitedMillis) {
}
