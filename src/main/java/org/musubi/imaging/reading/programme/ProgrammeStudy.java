package org.musubi.imaging.reading.programme;

import java.time.Instant;
import java.util.Objects;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ProgrammeStatistics;

/**
 * One study submitted to a programme: who submitted it (the facility, its own source patient of the person, the
 * doctor), its double reading, the comments, the times of each step, and the final reading's report once compared.
 */
public record ProgrammeStudy(long id, long programmeId, String studyUid, long personId, long submitterPatientId,
                             long submitterFacility, long submitterUser, DoubleReading reading, String firstComment,
                             String secondComment, String finalComment, Instant submittedAt, Instant firstAt,
                             Instant secondAt, Instant finalAt, String reportId) {

    public ProgrammeStudy {
        Objects.requireNonNull(studyUid);
        Objects.requireNonNull(reading);
        Objects.requireNonNull(submittedAt);
    }

    /** When both readings were in (the later of the two), or null. */
    public Instant bothIn() {
        return firstAt == null || secondAt == null ? null : firstAt.isAfter(secondAt) ? firstAt : secondAt;
    }

    /** The row as the programme's statistics count it. */
    public ProgrammeStatistics.Timed timed() {
        return new ProgrammeStatistics.Timed(reading, submittedAt, bothIn(), finalAt);
    }

    /** Whether the user is one of the two readers and has not read yet. */
    public boolean waitsFor(long user) {
        return reading.phase() == DoubleReading.Phase.READING
                && (user == reading.first() && reading.firstReading() == null
                || user == reading.second() && reading.secondReading() == null);
    }
}
