package io.tributary.knowledge.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = WordPieceTokenizer.class.getResourceAsStream(OnnxMiniLmEmbeddingModel.TOKENIZER_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
        }
    }

    @Test
    void encodesWithClsAndSepAndSplitsPunctuation() {
        // bert-base-uncased ids: [CLS] hello , world ! [SEP]
        assertArrayEquals(new long[] {101, 7592, 1010, 2088, 999, 102}, tokenizer.encode("Hello, world!", 256));
    }

    @Test
    void lowercasesStripsAccentsAndSplitsCjk() {
        assertEquals(List.of("cafe", "creme", "ok"), WordPieceTokenizer.words("Café  CRÈME\tok"));
        assertEquals(List.of("a", "中", "文", "b"), WordPieceTokenizer.words("a中文b"));
        assertEquals(List.of("x", ".", "y"), WordPieceTokenizer.words("x.y\u0000"));
    }

    @Test
    void splitsUnknownWordsIntoPiecesAndTruncates() {
        long[] ids = tokenizer.encode("tokenization", 256);
        // token ##ization
        assertArrayEquals(new long[] {101, 19204, 3989, 102}, ids);
        long[] cut = tokenizer.encode("one two three four five six", 4);
        assertEquals(4, cut.length);
        assertEquals(101, cut[0]);
        assertEquals(102, cut[3]);
    }
}
