package io.tributary.api.store.dto;

import java.util.Map;

/**
 * A document to create.
 *
 * @param name           display name
 * @param dataSourceType the datasource type's wire name
 * @param dataSourceInfo the datasource item (kept as given; it is what the pipeline run receives)
 */
public record NewDocument(String name, String dataSourceType, Map<String, Object> dataSourceInfo) {
}
