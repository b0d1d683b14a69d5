package io.tributary.http;

import java.util.Map;

import io.javalin.http.Context;
import io.tributary.api.store.dto.ApiKey;
import io.tributary.api.store.ApiKeyStore;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.dto.KeyKind;

/**
 * Authenticates the service API's app routes: {@code Authorization: Bearer app-...}. Any other token (a dataset
 * key, the admin token, a revoked or unknown key) is 401 as in Dify; a key whose app is gone is 403.
 */
public final class AppAuth {
    private final ServiceSlot<ApiKeyStore> keys;
    private final ServiceSlot<AppStore> apps;

    public AppAuth(ServiceSlot<ApiKeyStore> keys, ServiceSlot<AppStore> apps) {
        this.keys = keys;
        this.apps = apps;
    }

    /** The app the request's key belongs to. */
    public App check(Context ctx) {
        String token = AdminAuth.bearer(ctx.header("Authorization"));
        ApiKey key = token.startsWith(KeyKind.APP.prefix())
                ? keys.get().verify(token).filter(k -> k.kind() == KeyKind.APP).orElse(null) : null;
        if (key == null) {
            throw new ApiException(401, "unauthorized", "Access token is invalid",
                    Map.of("WWW-Authenticate", "Bearer realm=\"api\""));
        }
        return apps.get().app(key.scopeId())
                .orElseThrow(() -> new ApiException(403, "forbidden", "The app no longer exists."));
    }
}
