package org.musubi.deid;

import java.io.IOException;
import org.musubi.record.release.CohortSink;

/**
 * The de-identification pipeline as the record's research sink ({@link CohortSink}): what a release reads of the record
 * goes through {@code pipeline} into {@code ndjson}, and nowhere else; its full report stays here for the caller
 * ({@link #report()}), the record getting only the counts its audit row names.
 */
public final class DeidRelease implements CohortSink {

    private final DeidPipeline pipeline;
    private final DeidPipeline.NdjsonSink ndjson;
    private DeidReport report;

    public DeidRelease(DeidPipeline pipeline, DeidPipeline.NdjsonSink ndjson) {
        this.pipeline = pipeline;
        this.ndjson = ndjson;
    }

    @Override
    public Released release(Cohort cohort) throws IOException {
        report = pipeline.run(person -> cohort.each(r -> person.accept(new PersonRecords(r.personKey(), r.resources(),
                r.categories()))), ndjson);
        KAnonymity.Result k = report.kAnonymityResult();
        return new Released(report.persons(), report.resourcesIn(),
                report.resourcesOut().values().stream().mapToLong(Long::longValue).sum(), report.suppressedPersons(),
                k == null ? null : k.k(), k == null ? null : k.threshold());
    }

    /** The pipeline's report of the last release; null before one ran. */
    public DeidReport report() {
        return report;
    }
}
