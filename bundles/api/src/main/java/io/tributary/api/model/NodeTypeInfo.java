package io.tributary.api.model;

/**
 * An installed node type: what a graph can name, and which bundle provides it.
 *
 * @param type               Dify type string, e.g. {@code start} or {@code tool}
 * @param tool               for {@code tool}: {@code provider_id/tool_name}; otherwise {@code null}
 * @param version            semantic version {@code major.minor.patch} of this node type
 * @param bundleId           id of the providing bundle
 * @param bundleSymbolicName symbolic name of the providing bundle
 * @param bundleVersion      version of the providing bundle
 */
public record NodeTypeInfo(String type, String tool, String version, long bundleId, String bundleSymbolicName,
                           String bundleVersion) {
}
