package org.musubi.ingest;

/** Where a batch stands. A RUNNING batch whose heartbeat stopped is shown as interrupted. */
public enum BatchStatus {
    RUNNING,
    DONE,
    FAILED
}
