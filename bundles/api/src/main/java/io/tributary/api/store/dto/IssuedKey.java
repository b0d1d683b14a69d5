package io.tributary.api.store.dto;

/**
 * A newly issued key: the only moment the secret is known.
 *
 * @param key    the stored record
 * @param secret the full key ({@code app-...}); show it once, it cannot be recovered
 */
public record IssuedKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "IssuedKey[" + key + "]";
    }
}
