/**
 * The database: connection pool, dialect, Flyway migrations. Private to the store bundle; {@code Database} is
 * registered as a service only so the store components in this bundle can reference it.
 */
package io.tributary.store.db;
