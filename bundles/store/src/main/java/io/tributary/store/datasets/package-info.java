/**
 * Datasets (knowledge bases, table {@code datasets}) with their immutable published pipeline versions
 * ({@code dataset_versions}), documents ({@code documents}), segments ({@code segments}) and child chunks
 * ({@code child_chunks}). Document positions come from a counter on the dataset row, bumped under its row lock,
 * so concurrent batches never share a position.
 */
package io.tributary.store.datasets;
