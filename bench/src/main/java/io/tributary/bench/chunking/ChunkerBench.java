package io.tributary.bench.chunking;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.tributary.node.chunkers.split.GeneralChunker;

/**
 * General chunker throughput on {@link ChunkCorpus} (8 MB by default) at Dify's defaults (delimiter {@code \n\n},
 * 1,000 characters, overlap 100): one whole corpus per operation, so MB/s = corpus MB / score (seconds). The
 * {@code cleaned} variant also applies both preprocessing rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ChunkerBench {
    @Param("8")
    public int corpusMb;

    private String corpus;
    private GeneralChunker plain;
    private GeneralChunker cleaned;

    @Setup
    public void setUp() {
        corpus = ChunkCorpus.generate(corpusMb * 1024 * 1024);
        plain = ChunkCorpus.defaultChunker();
        cleaned = new GeneralChunker("\\n\\n", 1000, 100, true, true);
        List<String> chunks = plain.chunk(corpus);
        System.out.println("\ncorpus " + corpus.length() + " chars, " + chunks.size() + " chunks, sha256 "
                + ChunkCorpus.digest(chunks));
    }

    @Benchmark
    public List<String> general() {
        return plain.chunk(corpus);
    }

    @Benchmark
    public List<String> generalCleaned() {
        return cleaned.chunk(corpus);
    }
}
