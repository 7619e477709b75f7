package org.musubi.imaging.studies;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which ImagingStudy, patient and facility a StudyInstanceUID belongs to (the {@code imaging_study} table, V68). */
public interface StudyIndex {

    /** The study with this UID, if Musubi indexed it (an ill-formed UID finds nothing). */
    Optional<IndexedStudy> find(String studyUid);

    /** The studies stored under these source patients, newest first. */
    List<IndexedStudy> ofSourcePatients(List<Long> sourcePatientIds);

    /** The StudyInstanceUIDs of those of these ImagingStudy resources Musubi indexed, by resource id. */
    Map<String, String> uidsOfResources(Collection<String> resourceIds);

    /** Records (or refreshes) a study; the caller writes its ImagingStudy in the same transaction. */
    void put(IndexedStudy study);
}
