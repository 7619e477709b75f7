package org.musubi.surveillance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts diagnoses into the surveillance every {@code every} (first a minute after start), on one node at a time
 * ({@link JobLocks}), never on a read-only standby: the last {@link #WINDOW_DAYS} days are recounted from the stored
 * Conditions, so a Condition that arrives late (an import of last week) or is deleted is counted right at the next
 * run. One audit row per run. A failed run is logged and tried again at the next.
 */
public final class SurveillanceDerivation implements AutoCloseable {

    /** Days recounted at each run (today included). */
    public static final int WINDOW_DAYS = 14;
    public static final String JOB = "surveillance derivation";
    private static final Logger log = LoggerFactory.getLogger(SurveillanceDerivation.class);

    private final ScheduledExecutorService runs;
    private final SurveillanceStore store;
    private final Surveillance surveillance;
    private final Standby standby;
    private final Audit audit;

    public SurveillanceDerivation(SurveillanceStore store, Surveillance surveillance, Standby standby, Audit audit,
                                  Schedule schedule) {
        this.store = store;
        this.surveillance = surveillance;
        this.standby = standby;
        this.audit = audit;
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("surveillance-derive").daemon().factory());
        long every = schedule.every().toMillis();
        if (every > 0) {
            runs.scheduleWithFixedDelay(() -> {
                try {
                    schedule.jobs().runIfFree(JOB, this::now);
                } catch (RuntimeException e) {
                    log.warn("The surveillance's derivation failed; trying again in {}", schedule.every(), e);
                }
            }, Math.min(60_000, every), every, TimeUnit.MILLISECONDS);
        }
    }

    /** How often, under which lock. */
    public record Schedule(JobLocks jobs, Duration every) {
    }

    /** Recounts now; false (nothing done) on a read-only standby. */
    public boolean now() {
        if (standby.readOnly()) {
            return false;
        }
        java.time.LocalDate from = surveillance.today().minusDays(WINDOW_DAYS - 1L);
        int rows = store.deriveFromConditions(from);
        audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on("SurveillanceReport")
                .reason("derived from Conditions since " + from + ": " + rows + " counts").by(Actor.system("surveillance")));
        return true;
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
