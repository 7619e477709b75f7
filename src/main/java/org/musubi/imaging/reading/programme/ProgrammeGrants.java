package org.musubi.imaging.reading.programme;

import java.util.Optional;
import java.util.function.LongPredicate;
import org.musubi.imaging.proxy.StudyGrants;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.Reader;

/**
 * A programme's study opened in the viewer by those whose step it is: each of its two readers until they have read, and
 * at the comparison step the chief or a third reader of the pool. The grant ends with the reader's reading (a reader
 * does not look again while the other still reads) and with the final reading. The consultation door then decides
 * ({@code AccessPolicy.decideDisclosed} (kind {@code READING})).
 */
final class ProgrammeGrants implements StudyGrants {

    private final ProgrammeRows rows;
    private final LongPredicate doctor;
    private final Disclose disclose;

    ProgrammeGrants(ProgrammeRows rows, LongPredicate doctor, Disclose disclose) {
        this.rows = rows;
        this.doctor = doctor;
        this.disclose = disclose;
    }

    @Override
    public Optional<StudyGrant> granted(Reader reader, IndexedStudy study) {
        Long facility = reader.facilityId();
        if (facility == null || !doctor.test(reader.userId())) {
            return Optional.empty();
        }
        for (ProgrammeStudy entry : rows.openOfStudy(study.studyUid())) {
            Optional<Programme> programme = rows.programme(entry.programmeId())
                    .filter(p -> p.centreFacility() == facility);
            if (programme.isEmpty()) {
                continue;
            }
            boolean comparing = entry.reading().phase() == DoubleReading.Phase.COMPARISON
                    && programme.get().mayCompare(reader.userId(), entry);
            if (entry.waitsFor(reader.userId()) || comparing) {
                return Optional.of(new StudyGrant(entry.personId(),
                        disclose.idOf(ReadingContext.entrySource(entry.id())), facility));
            }
        }
        return Optional.empty();
    }
}
