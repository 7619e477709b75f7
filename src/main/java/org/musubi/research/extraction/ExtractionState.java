package org.musubi.research.extraction;

/**
 * Where an extraction stands: QUEUED when started, RUNNING while a node runs it (back to QUEUED when that node died,
 * at most {@link Extractions#MAX_ATTEMPTS} times), DONE with its files and report, FAILED.
 */
public enum ExtractionState {
    QUEUED, RUNNING, DONE, FAILED
}
