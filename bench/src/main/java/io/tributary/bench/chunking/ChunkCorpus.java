package io.tributary.bench.chunking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import io.tributary.node.chunkers.split.GeneralChunker;

/**
 * A deterministic plain-text corpus of English-like paragraphs (fixed seed; paragraphs of 1–15 sentences, so
 * some exceed the 1,000-character chunk size and take the recursive path), and a digest of its chunks so that
 * another implementation (the Python reference model) can be checked to produce the same chunks.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.tributary.bench.chunking.ChunkCorpus OUT.txt [MB]</pre>
 * writes the corpus and prints the chunk count and SHA-256 at Dify's defaults.
 */
public final class ChunkCorpus {
    private static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are or "
            + "his from at which but have an they you were her she there been one all we their has would when if so "
            + "no what up its out about who them river stone lantern harbour quiet measure pattern engine orchard "
            + "silver window journey signal tributary document chunk index pipeline segment knowledge delta current "
            + "valley").split(" ");

    private ChunkCorpus() {
    }

    /** About {@code bytes} bytes of text (ASCII, so bytes = characters). */
    public static String generate(int bytes) {
        Random rnd = new Random(20261122L);
        StringBuilder sb = new StringBuilder(bytes + 2000);
        while (sb.length() < bytes) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            int sentences = 1 + rnd.nextInt(15);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    sb.append(' ');
                }
                int words = 5 + rnd.nextInt(21);
                for (int w = 0; w < words; w++) {
                    String word = WORDS[rnd.nextInt(WORDS.length)];
                    if (w == 0) {
                        sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                    } else {
                        sb.append(' ').append(word);
                        if (rnd.nextInt(12) == 0) {
                            sb.append(',');
                        }
                    }
                }
                sb.append(rnd.nextInt(6) == 0 ? '?' : '.');
            }
        }
        return sb.toString();
    }

    /** Dify's defaults for the general chunker in pipelines: delimiter {@code \n\n}, 1,000 / 100. */
    public static GeneralChunker defaultChunker() {
        return new GeneralChunker("\\n\\n", 1000, 100, false, false);
    }

    /** SHA-256 over the chunks, each followed by a NUL. */
    public static String digest(List<String> chunks) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String c : chunks) {
                md.update(c.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String text = generate(mb * 1024 * 1024);
        Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
        List<String> chunks = defaultChunker().chunk(text);
        System.out.println("chars " + text.length() + " chunks " + chunks.size() + " sha256 " + digest(chunks));
    }
}
