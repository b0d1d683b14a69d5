/**
 * Dify's text splitting as plain Java (no OSGi, so it can be benchmarked and tested directly): the fixed/recursive
 * splitter, the cleaning rules and the general and parent-child chunkers. Lengths are Python lengths (code
 * points). See docs/chunking-test-vectors.md for what is Dify's behaviour and what was fixed.
 */
package io.tributary.node.chunkers.split;
