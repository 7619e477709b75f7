package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.PROGRAMME;

import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.imaging.reading.ProgrammeStatistics;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;

/**
 * A programme's statistics (studies, readings that agreed, times), for network administrators and the programme's
 * chief.
 */
public final class ShowProgrammeStatistics {

    private final ProgrammeEntries entries;

    ShowProgrammeStatistics(ProgrammeEntries entries) {
        this.entries = entries;
    }

    /**
     * A programme's statistics, for network administrators and the programme's chief; empty (one audit row) for
     * anyone else or an id nobody has.
     */
    public Optional<ProgrammeStatistics> statistics(Reader reader, boolean networkAdmin, long programmeId) {
        Optional<Programme> programme = entries.rows().programme(programmeId)
                .filter(p -> networkAdmin || p.chief() == reader.userId());
        if (programme.isEmpty()) {
            entries.context().audit().record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on(PROGRAMME, programmeId)
                    .reason(ReadRecords.NOT_FOUND));
            return Optional.empty();
        }
        ProgrammeStatistics figures = ProgrammeStatistics.of(entries.rows().ofProgramme(programmeId).stream()
                .map(ProgrammeStudy::timed).toList());
        entries.context().audit().record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on(PROGRAMME, programmeId)
                .reason("statistics: " + figures.studies() + " studies"));
        return Optional.of(figures);
    }
}
