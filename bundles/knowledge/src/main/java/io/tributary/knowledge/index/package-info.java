/**
 * The per-dataset Lucene indexes: one directory per dataset with one Lucene document per segment (BM25 over its
 * text) and, for {@code high_quality} datasets, HNSW vectors per segment or per child chunk. Writers and searchers
 * stay open and are shared per dataset.
 */
package io.tributary.knowledge.index;
