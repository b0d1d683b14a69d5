/** Per-dataset Lucene indexes (BM25 and HNSW vectors), retrieval, and the embedding and rerank model providers. */
package io.tributary.knowledge;
