package org.musubi.ingest;

/** Told after every committed chunk of a batch (for a progress bar). */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = counts -> { };

    void update(BatchCounts counts);
}
