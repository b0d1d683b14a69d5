/**
 * Embedding models: the offline default (quantized all-MiniLM-L6-v2 on ONNX Runtime, shipped inside this bundle)
 * and a client for OpenAI-compatible {@code /v1/embeddings} services.
 */
package io.tributary.knowledge.embedding;
