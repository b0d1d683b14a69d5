package io.tributary.bench.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tributary.knowledge.index.DatasetIndex;
import io.tributary.knowledge.index.DatasetIndexes;
import io.tributary.knowledge.index.IndexEntry;

/**
 * The Lucene side of economy ingestion alone: {@code documents} documents of {@code segments} segments of about
 * 1,000 characters written to one dataset index by {@code writers} threads at once (as the pipeline workers do),
 * each write returning once committed. Reports the time and this process's CPU time. Usage:
 * {@code IndexWriteBench [writers, 4] [documents, 200] [segments, 183]}.
 */
public final class IndexWriteBench {
    private IndexWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int segments = args.length > 2 ? Integer.parseInt(args[2]) : 183;
        List<String> texts = EmbeddingBench.chunks(segments, 1000, new Random(7));
        long bytes = texts.stream().mapToLong(String::length).sum() * documents;
        Path dir = Files.createTempDirectory("index-bench");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        try (DatasetIndexes indexes = new DatasetIndexes(dir); ExecutorService pool = Executors.newFixedThreadPool(
                writers)) {
            DatasetIndex index = indexes.get("bench");
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                String doc = "d" + d;
                done.add(pool.submit(() -> {
                    List<IndexEntry> entries = new ArrayList<>(segments);
                    for (int i = 0; i < segments; i++) {
                        entries.add(new IndexEntry(doc + "-" + i, doc + "-" + i, IndexEntry.Kind.SEGMENT,
                                texts.get(i), null, true));
                    }
                    index.replaceDocument(doc, entries);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%d documents × %d segments (%.1f MB) by %d writers: %.2f s, %.1f MB/s; "
                    + "CPU %.1f s (%.0f ms per MB)%n", documents, segments, bytes / 1e6, writers, secs,
                    bytes / 1e6 / secs, cpu, cpu * 1000 / (bytes / 1e6));
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
