/** Workflow apps (table {@code apps}) and their immutable published versions ({@code app_versions}). */
package io.tributary.store.apps;
