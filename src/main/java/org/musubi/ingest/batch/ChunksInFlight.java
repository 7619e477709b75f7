package org.musubi.ingest.batch;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.musubi.audit.Actor;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.chunk.Chunk;
import org.musubi.ingest.chunk.ImportChunks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch's chunks being stored on storing threads, oldest first. A chunk is stored beside the ones before it when no
 * patient is in two of them (each on its own connection and transaction), at most {@link ImportThreads#STORING} at
 * once; otherwise it waits for them, so the records of a patient are applied in the order they were read. Progress
 * counts a chunk only once it is committed.
 */
final class ChunksInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(ChunksInFlight.class);
    private final ImportChunks chunks;
    private final ExecutorService storing;
    private final BatchCounting counting;
    private final Actor actor;
    private final String format;
    private final ArrayDeque<Storing> inFlight = new ArrayDeque<>();

    ChunksInFlight(ImportChunks chunks, ExecutorService storing, BatchCounting counting, Actor actor, String format) {
        this.chunks = chunks;
        this.storing = storing;
        this.counting = counting;
        this.actor = actor;
        this.format = format;
    }

    /** A chunk being stored: its counts once committed, and the source's patients in it. */
    private record Storing(Future<BatchCounts> counts, Set<String> patients) {
    }

    /** Hands {@code chunk}, of the source's {@code patients}, to a storing thread, once the chunks it must follow are stored. */
    void store(Chunk chunk, Set<String> patients) {
        while (!inFlight.isEmpty() && (inFlight.size() >= ImportThreads.STORING
                || inFlight.stream().anyMatch(s -> !Collections.disjoint(s.patients(), patients)))) {
            storedOldest();
        }
        inFlight.add(new Storing(storing.submit(() -> chunks.store(chunk, actor, format)), patients));
    }

    /** Waits for every chunk being stored and counts them; a failure is this batch's. */
    void stored() {
        while (!inFlight.isEmpty()) {
            storedOldest();
        }
    }

    private void storedOldest() {
        counting.stored(Tasks.await(inFlight.poll().counts()));
    }

    /** After a failure: lets the chunks being stored finish (committed or not) before the batch is marked failed. */
    void abandon() {
        for (Storing chunk : inFlight) {
            try {
                chunk.counts().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.debug("A chunk being stored failed too", e.getCause());
            }
        }
        inFlight.clear();
    }
}
