package io.tributary.api.app;

import java.util.Map;

/**
 * What {@code /v1/parameters} shows of the published version.
 *
 * @param features the DSL's {@code workflow.features} as written (opening statement, file upload, ...)
 * @param form     the start node's input form
 */
public record AppParameters(Map<String, Object> features, StartForm form) {
    public AppParameters {
        features = features == null ? Map.of() : features;
    }
}
