package org.musubi.research.extraction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One extraction of a project. {@code report}: the report's JSON once DONE; {@code error}: the kind of failure once
 * FAILED (never patient data); {@code expiresAt}: when its files stop being downloadable; {@code filesDeletedAt}: when
 * the sweep deleted them.
 */
public record Extraction(long id, long projectId, long requestedBy, ExtractionState state, int kThreshold,
                         int attempts, Instant createdAt, Instant startedAt, Instant finishedAt, Instant expiresAt,
                         Instant filesDeletedAt, String report, String error, List<File> files) {

    public Extraction {
        files = List.copyOf(files);
    }

    /**
     * One file: {@code name} as downloaded ({@code Condition.ndjson}, {@code report.json}), {@code part} its name in
     * the blob store's parts, its SHA-256, size and how many resources it holds (0 for the report).
     */
    public record File(String name, String part, String sha256, long size, long resources) {
    }

    /** Whether its files may be downloaded at {@code now}: DONE, not expired, not deleted. */
    public boolean downloadable(Instant now) {
        return state == ExtractionState.DONE && filesDeletedAt == null && expiresAt != null && now.isBefore(expiresAt);
    }

    public Optional<File> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
