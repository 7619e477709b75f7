package org.musubi.imaging.reading.remote;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.musubi.imaging.proxy.StudyGrants;
import org.musubi.imaging.reading.ReadingStatus;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.Reader;

/**
 * The study a reading centre was asked to read, opened in the viewer by the centre's doctors: the grant holds while the
 * request is REQUESTED or CLAIMED, and once REPORTED for the reader who reported it (to look again before the requester
 * acknowledges); it ends with RETURNED, CANCELLED, DECLINED. The consultation door then decides ({@code
 * AccessPolicy.decideDisclosed}).
 */
public final class ReadingGrants implements StudyGrants {

    private static final List<ReadingStatus> HELD = List.of(ReadingStatus.REQUESTED, ReadingStatus.CLAIMED,
            ReadingStatus.REPORTED);

    private final ReadingRows rows;
    private final LongPredicate doctor;
    private final Disclose disclose;

    public ReadingGrants(ReadingRows rows, LongPredicate doctor, Disclose disclose) {
        this.rows = rows;
        this.doctor = doctor;
        this.disclose = disclose;
    }

    @Override
    public Optional<StudyGrant> granted(Reader reader, IndexedStudy study) {
        Long facility = reader.facilityId();
        if (facility == null || facility == study.facilityId() || !doctor.test(reader.userId())) {
            return Optional.empty();
        }
        return rows.ofStudy(study.studyUid(), facility, HELD).stream()
                .filter(r -> r.status().isOpen() || r.reader() != null && r.reader() == reader.userId())
                .findFirst()
                .map(r -> new StudyGrant(r.personId(), disclose.idOf(ReadingContext.requestSource(r.id())),
                        r.centreFacility()));
    }
}
