package org.musubi.imaging.reading.programme;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where programmes, their pools and their studies are kept. */
public interface ProgrammeRows {

    Programme insert(Programme programme);

    /** Replaces the programme's pool of readers. */
    void readers(long programmeId, List<Long> readers);

    Optional<Programme> programme(long id);

    List<Programme> programmes();

    /** The programmes whose centre is {@code facility}. */
    List<Programme> ofCentre(long facility);

    /** The programmes reading studies of {@code modality}. */
    List<Programme> forModality(String modality);

    /** Open readings per reader of the pool (studies not yet final where the reader has not read). */
    Map<Long, Integer> openLoad(long programmeId);

    /** Stores a newly submitted study; empty when the study is already in the programme. */
    Optional<ProgrammeStudy> insert(ProgrammeStudy study);

    Optional<ProgrammeStudy> find(long id);

    /** The programme's studies of {@code studyUid} not yet final. */
    List<ProgrammeStudy> openOfStudy(String studyUid);

    /** Studies not final where {@code user} is a reader or may compare, of the programmes {@code programmes}. */
    List<ProgrammeStudy> open(List<Long> programmes, int limit);

    /** A facility's submitted studies, newest first. */
    List<ProgrammeStudy> submittedBy(long facility, int limit);

    /** Every study of a programme (for its statistics). */
    List<ProgrammeStudy> ofProgramme(long programmeId);

    /**
     * Stores {@code after} if the row still is as {@code before} left it (the readings and final unchanged): false when
     * another step came first.
     */
    boolean step(ProgrammeStudy before, ProgrammeStudy after, Instant now);
}
