package io.tributary.bench.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tributary.knowledge.embedding.OnnxMiniLmEmbeddingModel;

/**
 * Throughput of the offline embedding model (quantized all-MiniLM-L6-v2 on ONNX Runtime) on chunks of about 500
 * characters: one caller with one ONNX thread, two callers with one ONNX thread each, one caller with two ONNX
 * threads. A plain main, not JMH: each figure is one timed pass after a warm-up. Usage:
 * {@code EmbeddingBench [chunks]} (default 1000).
 */
public final class EmbeddingBench {
    private static final String[] WORDS = ("the a of to and in that is for on with as by at from river water data "
            + "system user request model index search document segment pipeline knowledge vector text file server "
            + "network policy account report market energy climate history science music language city travel "
            + "health research result method process value table query storage memory thread engine").split(" ");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> chunks = chunks(n, 500, new Random(42));
        System.out.printf("%d chunks, %.0f chars average%n", n,
                chunks.stream().mapToInt(String::length).average().orElse(0));
        run("1 caller, 1 ONNX thread ", 1, 1, chunks);
        run("2 callers, 1 ONNX thread each", 1, 2, chunks);
        run("1 caller, 2 ONNX threads", 2, 1, chunks);
    }

    private static void run(String label, int onnxThreads, int callers, List<String> chunks) throws Exception {
        try (OnnxMiniLmEmbeddingModel model = new OnnxMiniLmEmbeddingModel(onnxThreads)) {
            model.embed(chunks.subList(0, Math.min(50, chunks.size())));
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            int per = (chunks.size() + callers - 1) / callers;
            for (int c = 0; c < callers; c++) {
                List<String> part = chunks.subList(Math.min(chunks.size(), c * per),
                        Math.min(chunks.size(), (c + 1) * per));
                parts.add(pool.submit(() -> model.embed(part)));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("%-32s %7.1f chunks/s (%.1f s)%n", label, chunks.size() / seconds, seconds);
        }
    }

    static List<String> chunks(int n, int chars, Random random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder(chars + 16);
            while (sb.length() < chars) {
                sb.append(WORDS[random.nextInt(WORDS.length)]);
                sb.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            out.add(sb.toString().trim());
        }
        return out;
    }
}
