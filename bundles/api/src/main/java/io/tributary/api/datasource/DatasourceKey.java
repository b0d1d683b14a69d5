package io.tributary.api.datasource;

import java.util.Objects;

/**
 * Which provider a {@code datasource} node names (dify.md §2.2): its {@code provider_type}, {@code plugin_id},
 * {@code provider_name} and {@code datasource_name}. Blank or missing names are empty strings, surrounding blanks
 * removed.
 *
 * @param type           {@code provider_type}
 * @param pluginId       {@code plugin_id} ({@code langgenius/file})
 * @param providerName   {@code provider_name} ({@code file})
 * @param datasourceName {@code datasource_name} ({@code upload-file})
 */
public record DatasourceKey(DatasourceType type, String pluginId, String providerName, String datasourceName) {
    public DatasourceKey {
        Objects.requireNonNull(type, "type");
        pluginId = clean(pluginId);
        providerName = clean(providerName);
        datasourceName = clean(datasourceName);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * Dify's provider id, {@code plugin_id/provider_name} ({@code langgenius/file/file}); whichever of the two is
     * set when the other is empty; empty when neither is.
     */
    public String providerId() {
        if (pluginId.isEmpty()) {
            return providerName;
        }
        return providerName.isEmpty() ? pluginId : pluginId + "/" + providerName;
    }

    /** The provider as messages name it: {@code 'langgenius/file/file' (local_file)}. */
    public String describe() {
        return "'" + providerId() + "' (" + type.wireName() + ")";
    }

    /**
     * The one message for a node whose provider is not installed:
     * {@code datasource provider 'langgenius/notion_datasource/notion_datasource' (online_document) is not installed}.
     */
    public String notInstalled() {
        return "datasource provider " + describe() + " is not installed";
    }
}
