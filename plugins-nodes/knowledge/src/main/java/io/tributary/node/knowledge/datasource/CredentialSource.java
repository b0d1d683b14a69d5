package io.tributary.node.knowledge.datasource;

import java.util.Map;

/**
 * Where a datasource call's credentials come from. Dify picks the credential named by
 * {@code datasource_info.credential_id}, else the provider's default. Until a credential store exists every call
 * gets {@link #NONE}; plugging one in replaces that constant where {@link DatasourceNodeType} is built.
 */
@FunctionalInterface
public interface CredentialSource {

    /** No credentials: an empty map for every provider. */
    CredentialSource NONE = (providerId, credentialId) -> Map.of();

    /**
     * The decrypted credentials for a provider.
     *
     * @param providerId   the provider's id ({@code langgenius/notion_datasource/notion_datasource})
     * @param credentialId {@code datasource_info.credential_id}, or {@code null} for the default
     */
    Map<String, Object> credentials(String providerId, String credentialId);
}
