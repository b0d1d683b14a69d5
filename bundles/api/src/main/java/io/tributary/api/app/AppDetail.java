package io.tributary.api.app;

import java.util.List;

import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.dto.App;

/**
 * An app with its keys (active and revoked), for the admin API.
 *
 * @param app  the app
 * @param keys its {@code app-} keys, without secrets
 */
public record AppDetail(App app, List<ApiKey> keys) {
    public AppDetail {
        keys = List.copyOf(keys);
    }
}
