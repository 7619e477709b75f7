package org.musubi.ingest;

import java.time.Duration;
import java.time.Instant;

/** One run of a source, with its live counters. */
public record ImportBatch(long id, long sourceId, BatchOrigin origin, Long startedBy, Instant startedAt,
                          Instant heartbeatAt, Instant finishedAt, BatchStatus status, BatchCounts counts,
                          String failure) {

    /** A running batch that has not committed anything for this long is taken as interrupted (its process ended). */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(5);

    public boolean interrupted(Instant now) {
        return status == BatchStatus.RUNNING && heartbeatAt.plus(HEARTBEAT_TIMEOUT).isBefore(now);
    }
}
