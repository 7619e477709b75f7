package org.musubi.ingest.orca;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A facility's ORCA connector: where its ORCA answers, the user and the sealed password ({@code SecretBox}, never
 * shown), how often it pulls, whether it does, the last day imported whole ({@code pulledThrough}: the next window
 * starts the day after), and what went wrong last (null once a pull succeeded).
 */
public record OrcaConnector(long id, long facilityId, String baseUrl, String username, String passwordSealed,
                            int intervalMinutes, boolean enabled, LocalDate pulledThrough, Instant lastRunAt,
                            String lastError, Instant lastErrorAt) {

    /** Whether a pull is due at {@code now}. */
    public boolean due(Instant now) {
        return enabled && (lastRunAt == null || !lastRunAt.plusSeconds(intervalMinutes * 60L).isAfter(now));
    }
}
