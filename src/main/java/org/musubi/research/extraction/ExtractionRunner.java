package org.musubi.research.extraction;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.database.JobLocks;
import org.musubi.registry.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queued extractions, one at a time, on one node at a time ({@link JobLocks}: the lock is PostgreSQL's, so a
 * node that dies releases it). Holding the lock, it first puts back in the queue what a dead node left RUNNING (at most
 * {@link Extractions#MAX_ATTEMPTS} attempts, then FAILED): an extraction is started again from the beginning, its
 * files written again under the same names. A failure marks the extraction FAILED with its kind only and logs no
 * patient data.
 */
public final class ExtractionRunner {

    /** The job lock's name. */
    public static final String JOB = "research extraction";
    private static final Logger log = LoggerFactory.getLogger(ExtractionRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Extractions extractions;
    private final ExtractionWork work;
    private final Users users;
    private final JobLocks jobs;
    private final Clock clock;
    private final ExtractionSettings settings;

    public ExtractionRunner(Extractions extractions, ExtractionWork work, Users users, JobLocks jobs, Clock clock,
                            ExtractionSettings settings) {
        this.extractions = extractions;
        this.work = work;
        this.users = users;
        this.jobs = jobs;
        this.clock = clock;
        this.settings = settings;
    }

    /** Runs what is queued unless another node is at it (the timer's tick). */
    public void runIfFree() {
        jobs.runIfFree(JOB, this::runPending);
    }

    /** Waits for any other run to end, then runs what is queued: an extraction started before returns finished. */
    public void drain() {
        try (JobLocks.Held held = jobs.hold(JOB)) {
            runPending();
        }
    }

    private void runPending() {
        int requeued = extractions.requeueInterrupted();
        if (requeued > 0) {
            log.warn("{} research extractions were interrupted (a node stopped); queued again or failed", requeued);
        }
        for (Optional<Extraction> next = extractions.claimNext(); next.isPresent(); next = extractions.claimNext()) {
            run(next.get());
        }
    }

    private void run(Extraction extraction) {
        try {
            Actor actor = users.find(extraction.requestedBy())
                    .map(u -> new Actor(u.id(), u.loginId(), u.actingFacilityId().orElse(null), u.profession().name()))
                    .orElse(Actor.system("research"));
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            ExtractionWork.Outcome outcome = work.run(extraction, actor, extractions.projectKey(extraction.projectId(),
                    fresh));
            if (outcome.refused()) {
                extractions.failed(extraction.id(), outcome.refusal());
            } else {
                extractions.done(extraction.id(), outcome.files(), outcome.report(),
                        clock.instant().plus(settings.keepFor()));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Research extraction {} failed: {}", extraction.id(), e.getClass().getName());
            log.debug("Research extraction {} failed", extraction.id(), e);
            extractions.failed(extraction.id(), e.getClass().getSimpleName());
        }
    }
}
