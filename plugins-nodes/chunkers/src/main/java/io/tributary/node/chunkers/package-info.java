/** Dify's chunker tools as tool nodes: general, parent-child and Q&amp;A chunkers. */
package io.tributary.node.chunkers;
