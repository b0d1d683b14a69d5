/** API keys: issued from SecureRandom, stored as SHA-256 hashes, verified by hash lookup. */
package io.tributary.store.keys;
