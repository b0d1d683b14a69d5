/** The Q&amp;A chunker's CSV handling: decoding (UTF-8, GBK, Latin-1), parsing, and picking the two columns. */
package io.tributary.node.chunkers.qa;
