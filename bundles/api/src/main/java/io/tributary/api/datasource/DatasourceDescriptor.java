package io.tributary.api.datasource;

import java.util.Map;

import io.tributary.api.model.JsonValues;

/**
 * How a provider describes itself.
 *
 * @param provider          provider id ({@code langgenius/file})
 * @param datasource        datasource name inside the provider ({@code upload-file})
 * @param type              the datasource type
 * @param label             human name
 * @param parametersSchema  JSON Schema (as a map) of the run parameters
 * @param credentialsSchema JSON Schema of the credentials; secret properties carry {@code "x-secret": true}
 */
public record DatasourceDescriptor(String provider, String datasource, DatasourceType type, String label,
                                   Map<String, Object> parametersSchema, Map<String, Object> credentialsSchema) {
    public DatasourceDescriptor {
        parametersSchema = parametersSchema == null ? Map.of() : JsonValues.freeze(parametersSchema);
        credentialsSchema = credentialsSchema == null ? Map.of() : JsonValues.freeze(credentialsSchema);
    }
}
