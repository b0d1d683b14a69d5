/**
 * Retrieval over one dataset's index: semantic (kNN), full-text and keyword (BM25), hybrid (both, merged by
 * weights or by a rerank model), grouping child-chunk hits under their parent segment, score threshold and top-k.
 */
package io.tributary.knowledge.retrieval;
