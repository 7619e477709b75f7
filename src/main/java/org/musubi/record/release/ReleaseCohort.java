package org.musubi.record.release;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Decision;
import org.musubi.policy.DeidentifiedRelease;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.record.Reader;
import org.musubi.record.store.ResourceStore;

/**
 * The record's one door for research (issue 48): a project's cohort released de-identified into a sink the record
 * declares ({@link CohortSink}) and {@code deid} implements, so that the record knows nothing of de-identification.
 */
public final class ReleaseCohort {

    private final ResourceStore store;
    private final PersonAccess access;
    private final Audit audit;

    public ReleaseCohort(ResourceStore store, PersonAccess access, Audit audit) {
        this.store = store;
        this.access = access;
        this.audit = audit;
    }

    /**
     * A research project's cohort read for its de-identified release (issue 48), the one route purpose {@code RESEARCH}
     * has to clinical data ({@link DeidentifiedRelease}): decided once for the cohort and
     * audited once ({@code EXPORT} on the project, with what was released), refused or not. What is read goes into
     * {@code sink} (the de-identification pipeline, {@code deid}) and nowhere else: the caller gets what the sink made
     * of it, never a record. The release reads no facility's Patient (it makes a minimal one per person,
     * {@link CohortSource}) and only rows of the released categories, so the JP-CLINS flags and
     * identified demographics never enter the pipeline. {@code actor}: who the release is for, as the job runs after
     * their request. A failure is audited as {@code ERROR} and thrown.
     */
    public Interaction<CohortSink.Released> release(Reader reader, Actor actor, Release release, CohortSink sink)
            throws IOException {
        Decision decision = reader.purpose() != Purpose.RESEARCH ? new Deny(Deny.NO_RULE)
                : access.decideAs(reader.userId(), requester -> DeidentifiedRelease.decide(requester,
                        release.projectOpen(), release.named(), release.categories()));
        AuditEntry entry = AuditEntry.of(AuditAction.EXPORT, decision.permitted() ? Outcome.PERMIT : Outcome.DENY)
                .on(release.auditedAs(), release.auditedId()).purpose(reader.purpose()).by(actor);
        if (!decision.permitted()) {
            audit.record(entry.reason(decision.key() + "; " + release.label()));
            return Interaction.refused(decision, List.of());
        }
        CohortSink.Released report;
        try {
            report = sink.release(new CohortSource(store, release.personIds(), release.categories(), release.from(),
                    release.to()));
        } catch (IOException | RuntimeException e) {
            audit.record(AuditEntry.of(AuditAction.EXPORT, Outcome.ERROR).on(release.auditedAs(), release.auditedId())
                    .purpose(reader.purpose()).by(actor).reason(decision.key() + "; " + release.label()
                            + "; failed: " + e.getClass().getSimpleName()));
            throw e;
        }
        audit.record(entry.reason(decision.key() + "; " + release.label() + "; " + release.personIds().size()
                + " persons asked, " + report.persons() + " read, " + report.resourcesIn() + " resources in, "
                + report.resourcesOut() + " out, " + report.suppressedPersons() + " persons suppressed"
                + (report.k() == null ? "" : ", k " + report.k() + " (threshold " + report.threshold() + ")")));
        return Interaction.permitted(report, decision, List.of(String.valueOf(release.auditedId())));
    }

    /**
     * What a research release reads: the cohort ({@code personIds}, chosen by the project: its approved criteria, opted-out
     * persons left out), the released categories and the period of the data ([from, to), null: open). The audit row is
     * on {@code auditedAs}/{@code auditedId} (the project) and names {@code label} (the extraction).
     * {@code projectOpen}: approved and within its period; {@code named}: the reader is one of its named users.
     */
    public record Release(String auditedAs, long auditedId, String label, boolean projectOpen, boolean named,
                          Set<DataCategory> categories, List<Long> personIds, Instant from,
                          Instant to) {
        public Release {
            categories = Set.copyOf(categories);
            personIds = List.copyOf(personIds);
        }
    }
}
