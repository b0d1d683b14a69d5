package io.tributary.http;

import java.util.Map;

import io.javalin.http.Context;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.dto.KeyKind;

/**
 * Authenticates the service API's knowledge routes: {@code Authorization: Bearer dataset-...}. As in Dify, one
 * dataset key works on every knowledge base; any other token (an app key, the admin token, a revoked or unknown
 * key) is 401 {@code Access token is invalid}.
 */
public final class DatasetAuth {
    private final ServiceSlot<ApiKeyStore> keys;

    public DatasetAuth(ServiceSlot<ApiKeyStore> keys) {
        this.keys = keys;
    }

    /** The request's dataset key. */
    public ApiKey check(Context ctx) {
        String token = AdminAuth.bearer(ctx.header("Authorization"));
        ApiKey key = token.startsWith(KeyKind.DATASET.prefix())
                ? keys.get().verify(token).filter(k -> k.kind() == KeyKind.DATASET).orElse(null) : null;
        if (key == null) {
            throw new ApiException(401, "unauthorized", "Access token is invalid",
                    Map.of("WWW-Authenticate", "Bearer realm=\"api\""));
        }
        return key;
    }
}
