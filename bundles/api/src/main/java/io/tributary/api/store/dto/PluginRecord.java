package io.tributary.api.store.dto;

import java.time.Instant;

/**
 * A plugin bundle installed through the admin API or the deploy folder.
 *
 * @param symbolicName Bundle-SymbolicName
 * @param version      Bundle-Version
 * @param sha256       hex SHA-256 of the jar
 * @param location     where the jar is kept
 * @param source       {@code upload} or {@code deploy}
 * @param installedAt  when it was installed
 */
public record PluginRecord(String symbolicName, String version, String sha256, String location, String source,
                           Instant installedAt) {
}
