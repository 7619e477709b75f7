package org.musubi.imaging.index;

import java.util.Optional;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.Reader;

/**
 * Indexes a study of the archive: reads it from Orthanc ({@link ArchivedStudy#read}), finds its source patient
 * ({@link StudyPatients}) and stores its ImagingStudy and index row ({@link StudyWrites}) as the indexer's own user
 * acting for the sending facility; a study whose patient is not found waits on the operators' list instead.
 */
public final class IndexStudies {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final OrthancClient archive;
    private final StudyPatients patients;
    private final StudyWrites writes;
    private final IndexState state;
    private final ActingIndexer acting;

    public IndexStudies(OrthancClient archive, StudyPatients patients, StudyWrites writes, IndexState state,
                        ActingIndexer acting) {
        this.archive = archive;
        this.patients = patients;
        this.writes = writes;
        this.state = state;
        this.acting = acting;
    }

    /** What became of a study: indexed, or waiting (then {@code waiting} says why). */
    public record Outcome(IndexedStudy indexed, Waiting waiting) {
    }

    /** Indexes the study Orthanc knows as {@code orthancId} (read now). */
    public Outcome index(String orthancId) {
        ArchivedStudy study = ArchivedStudy.read(archive, orthancId);
        if (study == null || study.studyUid() == null || !IndexedStudy.isUid(study.studyUid())) {
            return new Outcome(null, null);
        }
        StudyPatients.Found found = patients.of(study);
        if (found.patient() == null) {
            Waiting waiting = Waiting.of(study, found);
            state.waiting(waiting);
            return new Outcome(null, waiting);
        }
        return new Outcome(store(study, found.patient()), null);
    }

    /** Indexes a study under the patient an operator chose (or a STOW-RS call checked). */
    public IndexedStudy index(String orthancId, Matched patient) {
        return store(present(ArchivedStudy.read(archive, orthancId)), patient);
    }

    /** Indexes a study a facility just stored through STOW-RS, written as the calling system. */
    public IndexedStudy indexStored(String orthancId, Matched patient, Reader caller) {
        return writes.store(present(ArchivedStudy.read(archive, orthancId)), patient, caller);
    }

    /** Orthanc's id of the study with this UID, if the archive holds it. */
    public Optional<String> orthancId(String studyUid) {
        if (!IndexedStudy.isUid(studyUid)) {
            return Optional.empty();
        }
        var answer = archive.bytes(archive.request("/tools/lookup").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(studyUid)).build());
        if (answer.statusCode() != 200) {
            return Optional.empty();
        }
        for (tools.jackson.databind.JsonNode found : JSON.readTree(answer.body())) {
            String id = found.path("ID").asString();
            if ("Study".equals(found.path("Type").asString()) && id.matches("[0-9a-f-]{1,64}")) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static ArchivedStudy present(ArchivedStudy study) {
        if (study == null || !IndexedStudy.isUid(study.studyUid())) {
            throw new OrthancClient.ArchiveUnavailable("the archive no longer holds the study");
        }
        return study;
    }

    private IndexedStudy store(ArchivedStudy study, Matched patient) {
        long user = state.indexerUserId();
        return acting.actFor(user, patient.facilityId(),
                () -> writes.store(study, patient, new Reader(user, patient.facilityId())));
    }
}
