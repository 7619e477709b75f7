package org.musubi.fhirapi.export;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One {@code $export} as its row keeps it: whose it is (the API client's user at its facility: only that caller sees
 * it), what was asked, where it stands and, once done, its files.
 *
 * @param types the types asked ({@code _type}); null for every type the token's scopes allow
 * @param since {@code _since}; null for all times
 */
public record ExportJob(UUID id, long facilityId, long userId, Level level, String request, Set<String> types,
                        Instant since, Status status, String progress, String error, Instant transactionTime,
                        Instant expiresAt, List<ExportFile> files) {

    /** The kick-off's level: {@code [base]/$export}, {@code Patient/$export}, {@code Group/<id>/$export}. */
    public enum Level { SYSTEM, PATIENT, GROUP }

    /** Where a job stands; a cancelled job is deleted with its files. */
    public enum Status { RUNNING, DONE, FAILED }

    /** Whether {@code userId} of {@code facilityId} started this job (the only caller that sees it). */
    public boolean ownedBy(long userId, Long facilityId) {
        return this.userId == userId && facilityId != null && this.facilityId == facilityId;
    }

    /** One NDJSON file: its resource type, its part in the blob store, its resources and bytes. */
    public record ExportFile(int seq, String type, String part, long count, long bytes) {
    }
}
