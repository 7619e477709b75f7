package org.musubi.fhirapi.export;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.database.JobLocks;
import org.musubi.fhirapi.access.Scoped;
import org.musubi.record.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs exports in the background, two at a time per node: each holds its job lock while it runs (so that the sweep,
 * on any node, can tell a job a stopped node left behind), reads as the caller that started it (its reader, scopes and
 * authentication: every door row and the export's own row name that client), writes its files to the blob store and
 * leaves one {@code EXPORT} audit row naming the job, what was exported and how many resources.
 */
@Component
public class ExportRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    private final ExportContent content;
    private final ExportParts parts;
    private final ExecutorService pool = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("bulk-export-", 0).daemon().factory());

    ExportRunner(ExportContent content, ExportParts parts) {
        this.content = content;
        this.parts = parts;
    }

    /** The caller an export reads as, captured at its kick-off. */
    record As(Reader reader, Scoped scoped, Authentication authentication) {
    }

    /** Records the job and starts it; its lock is taken before its row exists, so no sweep can think it orphaned. */
    void start(ExportJob job, As as) {
        JobLocks.Held lock = parts.locks().tryHold(ExportParts.lock(job.id()))
                .orElseThrow(() -> new IllegalStateException("a new export's lock is held"));
        try {
            parts.jobs().start(job);
            pool.submit(() -> run(job, as, lock));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void run(ExportJob job, As as, JobLocks.Held lock) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(as.authentication());
        SecurityContextHolder.setContext(context);
        try (lock; NdjsonFiles files = new NdjsonFiles()) {
            ExportContent.Outcome outcome = content.export(as.reader(), as.scoped(), job.facilityId(), job.types(),
                    job.since(), files, (read, total) -> stillWanted(job.id(), read, total));
            if (outcome.stopped()) {
                return;
            }
            List<ExportJob.ExportFile> stored = files.store(parts.blobs(), job.id(),
                    parts.properties().maxFileSize().toBytes());
            // the export's one row before the manifest shows it: whoever sees it done finds the row written
            parts.audit().record(AuditEntry.of(AuditAction.EXPORT, Outcome.PERMIT).on(ExportStatus.AUDITED_AS,
                            job.id()).purpose(as.reader().purpose())
                    .reason("FHIR $export " + job.level().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + summary(files.counts()) + " (" + outcome.read() + " patients read, " + outcome.refused()
                            + " refused)"));
            Instant now = Instant.now();
            if (!parts.jobs().done(job.id(), stored, now, now.plus(parts.properties().fileLifetime()))) {
                deleteParts(stored); // cancelled meanwhile
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Bulk export {} failed: {}", job.id(), e.getClass().getSimpleName());
            log.debug("Bulk export {} failed", job.id(), e);
            Instant now = Instant.now();
            parts.jobs().failed(job.id(), "エクスポートに失敗しました / The export failed",
                    now, now.plus(parts.properties().fileLifetime()));
            parts.audit().record(AuditEntry.of(AuditAction.EXPORT, Outcome.ERROR).on(ExportStatus.AUDITED_AS, job.id())
                    .purpose(as.reader().purpose()).reason("FHIR $export failed: " + e.getClass().getSimpleName()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Whether the job is still wanted (not cancelled on any node); tells its progress every 20 patients. */
    private boolean stillWanted(UUID job, int read, int total) {
        if (read % 20 != 0) {
            return true;
        }
        if (parts.jobs().find(job).isEmpty()) {
            return false;
        }
        parts.jobs().progress(job, read + " / " + total + " patients");
        return true;
    }

    /** "Observation 12, Patient 3", by type name. */
    static String summary(Map<String, Long> counts) {
        return counts.isEmpty() ? "nothing" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    void deleteParts(List<ExportJob.ExportFile> files) {
        for (ExportJob.ExportFile file : files) {
            try {
                parts.blobs().deletePart(file.part());
            } catch (IOException e) {
                log.warn("Could not delete a bulk export file {}: {}", file.part(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
