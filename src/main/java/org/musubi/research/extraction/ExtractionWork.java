package org.musubi.research.extraction;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.musubi.audit.Actor;
import org.musubi.audit.Purpose;
import org.musubi.deid.DeidConfig;
import org.musubi.deid.DeidEngine;
import org.musubi.deid.DeidKeys;
import org.musubi.deid.DeidPipeline;
import org.musubi.deid.DeidReport;
import org.musubi.deid.QuasiIdentifier;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.deid.DeidRelease;
import org.musubi.record.release.ReleaseCohort;
import org.musubi.record.release.CohortSink;
import org.musubi.record.Reader;
import org.musubi.research.CohortCounter;
import org.musubi.research.CountQuery;
import org.musubi.research.Criteria;
import org.musubi.research.ResearchDesk;
import org.musubi.research.ResearchProject;
import org.musubi.research.ResearchProjects;
import org.musubi.research.ReleaseScope;

/**
 * One extraction's work: the cohort selected exactly as the count selects it ({@link CountQuery#of} with the approved
 * criteria, opted-out persons left out by the same SQL, asked now — an opt-out made after the approval counts), read
 * through the record's research door ({@link ReleaseCohort#release}, which decides and audits the release once) into
 * the de-identification pipeline (the shipped Japanese configuration, the project's key, the k threshold of the
 * extraction over age band, sex, municipality and the first event's month), the NDJSON files and the report stored.
 */
public final class ExtractionWork {

    /** The quasi-identifiers the k-anonymity check runs over: the release's ({@link ReleaseScope}). */
    public static final List<QuasiIdentifier> QUASI_IDENTIFIERS = ReleaseScope.QUASI_IDENTIFIERS;

    private final ResearchProjects projects;
    private final CohortCounter cohort;
    private final ReleaseCohort records;
    private final ExtractionFiles files;
    private final Clock clock;

    public ExtractionWork(ResearchProjects projects, CohortCounter cohort, ReleaseCohort records, ExtractionFiles files,
                          Clock clock) {
        this.projects = projects;
        this.cohort = cohort;
        this.records = records;
        this.files = files;
        this.clock = clock;
    }

    /** What a finished extraction keeps. */
    public record Outcome(List<Extraction.File> files, String report, boolean refused, String refusal) {
    }

    /**
     * Runs the extraction for {@code actor} (who started it) with the project's key; refused (nothing stored) when the
     * policy refuses the release now (the project no longer approved or past its period, the user disabled …).
     */
    public Outcome run(Extraction extraction, Actor actor, byte[] projectKey) throws IOException {
        ResearchProject project = projects.find(extraction.projectId()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(ResearchDesk.ZONE));
        Criteria approved = project.approved() == null ? Criteria.none() : project.approved().criteria();
        List<Long> members = project.countable(today)
                ? cohort.members(CountQuery.of(approved, Criteria.none(), today)) : List.of();
        // what is released is the one description the public research page states too
        ReleaseScope scope = ReleaseScope.of(project, extraction.kThreshold());
        Set<DataCategory> categories = scope.dataCategories();
        Instant from = approved.from() == null ? null : approved.from().atStartOfDay(ResearchDesk.ZONE).toInstant();
        Instant to = approved.to() == null ? null : approved.to().plusDays(1).atStartOfDay(ResearchDesk.ZONE).toInstant();
        // the project's own rules (the committee's, or the network's default), with the k the extraction was queued for
        DeidConfig base = project.deid();
        DeidConfig config = new DeidConfig(base.rules(), base.dateShiftRange(), extraction.kThreshold(),
                base.maxSuppressedFraction());
        DeidPipeline pipeline = new DeidPipeline(new DeidEngine(config, new DeidKeys(projectKey)), QUASI_IDENTIFIERS,
                today).keepingOnly(scope.fields());
        ReleaseCohort.Release release = new ReleaseCohort.Release(ResearchDesk.TYPE, project.id(),
                "extraction " + extraction.id(), project.countable(today), project.names(extraction.requestedBy()),
                categories, members, from, to);
        try (ExtractionFiles.Staging staging = files.staging(extraction.id())) {
            DeidRelease sink = new DeidRelease(pipeline, staging);
            Interaction<CohortSink.Released> released = records.release(
                    new Reader(extraction.requestedBy(), actor.facilityId(), Purpose.RESEARCH), actor, release, sink);
            if (!released.permitted()) {
                return new Outcome(List.of(), null, true, released.decision().key());
            }
            DeidReport report = sink.report();
            String json = ExtractionReport.json(extraction, project, release, members.size(), report, config);
            return new Outcome(staging.store(report.resourcesOut(), json), json, false, null);
        }
    }
}
