package org.musubi.ingest.batch;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for what a reading or storing thread does for a batch. */
final class Tasks {

    private Tasks() {
    }

    /** The task's result; its failure is rethrown, so that the batch ends as FAILED (an error wrapped). */
    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
