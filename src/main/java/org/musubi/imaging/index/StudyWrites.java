package org.musubi.imaging.index;

import org.musubi.audit.Audit;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.Reader;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;

/**
 * Stores one study: its ImagingStudy through the record's write door as the sending facility's own data ({@link
 * WriteRecords#write}, audited once), its index row and its leaving the waiting list, in one database transaction
 * ({@link Audit#allOrNothing}), under a lock on the study's UID so that the change feed and a STOW-RS call indexing the
 * same study at once make one resource.
 */
public final class StudyWrites {

    private final WriteRecords writes;
    private final StudyResource resources;
    private final StudyIndex index;
    private final IndexState state;
    private final Audit audit;

    public StudyWrites(WriteRecords writes, StudyResource resources, StudyIndex index, IndexState state, Audit audit) {
        this.writes = writes;
        this.resources = resources;
        this.index = index;
        this.state = state;
        this.audit = audit;
    }

    /** Writes (or updates) the study's one ImagingStudy under {@code patient} as {@code writer}; its index row. */
    public IndexedStudy store(ArchivedStudy study, Matched patient, Reader writer) {
        return audit.allOrNothing(() -> {
            state.lockStudy(study.studyUid());
            String id = index.find(study.studyUid()).filter(s -> s.sourcePatientId() == patient.sourcePatientId())
                    .map(IndexedStudy::resourceId).or(() -> resources.existing(study, patient)).orElse(null);
            Written written = writes.write(writer, resources.write(study, patient, id));
            IndexedStudy indexed = study.indexed(written.id(), patient);
            index.put(indexed);
            state.indexed(study.studyUid());
            return indexed;
        });
    }
}
