package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.TEXT_LIMIT;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.Programmes.Role;
import org.musubi.record.Reader;

/**
 * The comparison of a programme's two readings: the final reading by the chief or a third reader of the pool, entered
 * as a DiagnosticReport under the submitting facility's patient.
 */
public final class CompareReadings {

    private final ProgrammeEntries entries;
    private final ProgrammeReports reports;

    CompareReadings(ProgrammeEntries entries, ProgrammeReports reports) {
        this.entries = entries;
        this.reports = reports;
    }

    /**
     * The comparison: the final reading by the chief or a third reader of the pool, entered as a DiagnosticReport
     * under the submitting facility's patient. Empty, after one audit row, when not at the comparison step or the
     * caller may not compare.
     */
    public Optional<ProgrammeStudy> compare(Reader reader, long id, ScreeningCategory category, String comment) {
        entries.requireWritable();
        if (category == null) {
            throw new ProgrammeFault(ProgrammeFault.CATEGORY);
        }
        String said = ProgrammeEntries.trimmed(comment, TEXT_LIMIT);
        String reportId = UUID.randomUUID().toString();
        Instant now = entries.context().clock().instant();
        return entries.stepped(reader, id, taken -> {
            if (taken.role() != Role.COMPARER) {
                return null;
            }
            DoubleReading next = taken.entry().reading().compare(reader.userId(), category);
            ProgrammeStudy e = taken.entry();
            return new ProgrammeStudy(e.id(), e.programmeId(), e.studyUid(), e.personId(), e.submitterPatientId(),
                    e.submitterFacility(), e.submitterUser(), next, e.firstComment(), e.secondComment(), said,
                    e.submittedAt(), e.firstAt(), e.secondAt(), now, reportId);
        }, (taken, after) -> reports.report(reportId, taken.programme(), after, taken.study(), category, said,
                entries.context().directory().userName(reader.userId()) + "（"
                        + entries.context().directory().facilityName(taken.programme().centreFacility()) + "）",
                taken.entry().reading().agree() && category == taken.entry().reading().firstReading(), now));
    }
}
