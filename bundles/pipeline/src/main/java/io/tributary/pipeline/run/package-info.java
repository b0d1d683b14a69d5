/**
 * Pipeline runs: checking a run request against the pipeline (before anything is written), batch ids and
 * document names as Dify makes them, the RAG pipeline variables of a run, and the engine request of one item.
 */
package io.tributary.pipeline.run;
