/**
 * Clients of remote model services configured by the administrator: OpenAI-compatible {@code /embeddings} and
 * Jina/OpenAI-style {@code /rerank}. They connect with a plain HTTP client (the base URL is trusted configuration,
 * often a model server on the local network, which the SSRF guard would rightly refuse for user-supplied URLs).
 */
package io.tributary.knowledge.remote;
