package io.tributary.node.chunkers.split;

import java.util.List;

/**
 * LangChain's greedy {@code _merge_splits} as Dify uses it (reference §6.2), with the joiner {@code ""} because
 * the pieces carry their separators: pieces are appended while the chunk stays within the size; on overflow the
 * stripped chunk is emitted and pieces are dropped from the front while more than the overlap remains (or the
 * next piece still would not fit). The overlap is therefore made of whole preceding pieces.
 */
final class SplitMerger {
    private final int chunkSize;
    private final int chunkOverlap;

    SplitMerger(int chunkSize, int chunkOverlap) {
        this.chunkSize = chunkSize;
        this.chunkOverlap = chunkOverlap;
    }

    void merge(List<String> splits, List<Integer> lengths, List<String> out) {
        int first = 0; // current chunk = splits[first, next)
        int total = 0;
        for (int next = 0; next < splits.size(); next++) {
            int len = lengths.get(next);
            if (total + len > chunkSize && first < next) {
                emit(splits, first, next, out);
                while (total > chunkOverlap || (total + len > chunkSize && total > 0)) {
                    total -= lengths.get(first);
                    first++;
                }
            }
            total += len;
        }
        emit(splits, first, splits.size(), out);
    }

    private static void emit(List<String> splits, int from, int to, List<String> out) {
        if (from >= to) {
            return;
        }
        String chunk;
        if (to - from == 1) {
            chunk = splits.get(from);
        } else {
            StringBuilder b = new StringBuilder();
            for (int i = from; i < to; i++) {
                b.append(splits.get(i));
            }
            chunk = b.toString();
        }
        chunk = PyText.strip(chunk);
        if (!chunk.isEmpty()) {
            out.add(chunk);
        }
    }
}
