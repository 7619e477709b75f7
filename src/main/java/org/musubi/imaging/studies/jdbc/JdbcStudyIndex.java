package org.musubi.imaging.studies.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link StudyIndex} in the {@code imaging_study} table (V68). */
@Repository
class JdbcStudyIndex implements StudyIndex {

    private final JdbcClient jdbc;

    JdbcStudyIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The study with this UID, if Musubi indexed it (an ill-formed UID finds nothing). */
    @Override
    public Optional<IndexedStudy> find(String studyUid) {
        if (!IndexedStudy.isUid(studyUid)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM imaging_study WHERE study_uid = ?").param(studyUid).query(JdbcStudyIndex::row).optional();
    }

    /** The studies stored under these source patients, newest first. */
    @Override
    public List<IndexedStudy> ofSourcePatients(List<Long> sourcePatientIds) {
        if (sourcePatientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM imaging_study WHERE source_patient_id = ANY (?) ORDER BY started DESC NULLS LAST, study_uid")
                .param(sourcePatientIds.toArray(Long[]::new)).query(JdbcStudyIndex::row).list();
    }

    /** The StudyInstanceUIDs of those of these ImagingStudy resources Musubi indexed, by resource id. */
    @Override
    public Map<String, String> uidsOfResources(Collection<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        jdbc.sql("SELECT resource_id, study_uid FROM imaging_study WHERE resource_id = ANY (?)")
                .param(resourceIds.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString("resource_id"), rs.getString("study_uid"));
                });
        return found;
    }

    /** Records (or refreshes) a study; the caller wrote its ImagingStudy in the same transaction. */
    @Override
    public void put(IndexedStudy study) {
        jdbc.sql("""
                INSERT INTO imaging_study (study_uid, resource_id, source_patient_id, facility_id, modality, accession,
                    started, series_count, instance_count, first_series_uid, first_instance_uid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (study_uid) DO UPDATE SET resource_id = excluded.resource_id,
                    source_patient_id = excluded.source_patient_id, facility_id = excluded.facility_id,
                    modality = excluded.modality, accession = excluded.accession, started = excluded.started,
                    series_count = excluded.series_count, instance_count = excluded.instance_count,
                    first_series_uid = excluded.first_series_uid, first_instance_uid = excluded.first_instance_uid,
                    indexed_at = now()""")
                .params(study.studyUid(), study.resourceId(), study.sourcePatientId(), study.facilityId(), study.modality(),
                        study.accession(), study.started() == null ? null : Timestamp.from(study.started()),
                        study.seriesCount(), study.instanceCount(),
                        study.firstImage() == null ? null : study.firstImage().seriesUid(),
                        study.firstImage() == null ? null : study.firstImage().instanceUid())
                .update();
    }

    private static IndexedStudy row(ResultSet rs, int n) throws SQLException {
        Timestamp started = rs.getTimestamp("started");
        String firstSeries = rs.getString("first_series_uid");
        return new IndexedStudy(rs.getString("study_uid"), rs.getString("resource_id"), rs.getLong("source_patient_id"),
                rs.getLong("facility_id"), rs.getString("modality"), rs.getString("accession"),
                started == null ? null : started.toInstant(), rs.getInt("series_count"), rs.getInt("instance_count"),
                firstSeries == null ? null : new IndexedStudy.FirstImage(firstSeries, rs.getString("first_instance_uid")));
    }
}
