package io.tributary.knowledge.index;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.IndexWriter;

/**
 * Makes index writes durable by group commit: a writer waits, after its change, until a commit covers the change's
 * sequence number. Whoever finds no such commit yet commits itself, and that one commit covers every change
 * completed so far, so writers that finish while a commit runs share the next one instead of each committing.
 * Under concurrent ingestion one commit (a flush of one Lucene segment and one fsync) serves several documents,
 * yet no caller returns before its own change is on disk: a pipeline item is finished only after its document's
 * entries are durable.
 */
final class GroupCommit {
    private final IndexWriter writer;
    private final ReentrantLock committing = new ReentrantLock();
    /** Every operation with a sequence number up to this one is in a finished commit. */
    private volatile long durable = -1;
    private volatile long commits;

    GroupCommit(IndexWriter writer) {
        this.writer = writer;
    }

    /**
     * Returns once the operation of sequence number {@code seqNo} (returned by the writer for a completed change)
     * is committed; commits when no finished or running commit covers it.
     */
    void awaitDurable(long seqNo) throws IOException {
        if (durable >= seqNo) {
            return;
        }
        committing.lock();
        try {
            // a commit that ran while this thread waited for the lock may already cover it
            if (durable < seqNo) {
                // IndexWriter.commit: "all sequence numbers <= this value will be reflected in the commit"
                long covered = writer.commit();
                commits++;
                durable = Math.max(durable, covered);
                if (durable < seqNo) {
                    throw new IllegalStateException("The index commit covers operations up to " + covered
                            + ", not " + seqNo);
                }
            }
        } finally {
            committing.unlock();
        }
    }

    /** Commits made so far (each may cover many writes). */
    long commits() {
        return commits;
    }
}
