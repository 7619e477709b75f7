package org.musubi.imaging.index.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.imaging.index.IndexState;
import org.musubi.imaging.index.StudyPatients;
import org.musubi.imaging.index.Waiting;
import org.musubi.imaging.index.internal.IndexerContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link IndexState} in the tables of V69. */
public final class JdbcIndexState implements IndexState {

    private final JdbcClient jdbc;
    private volatile Long indexer;

    public JdbcIndexState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long cursor(String archive) {
        return jdbc.sql("SELECT last_change FROM imaging_index_cursor WHERE archive = ?").param(archive)
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    public void moveCursor(String archive, long change) {
        jdbc.sql("""
                INSERT INTO imaging_index_cursor (archive, last_change) VALUES (?, ?)
                ON CONFLICT (archive) DO UPDATE SET last_change = greatest(imaging_index_cursor.last_change,
                    excluded.last_change), moved_at = now()""").params(archive, change).update();
    }

    @Override
    public Optional<Long> senderFacility(String aet) {
        return jdbc.sql("SELECT facility_id FROM imaging_sender WHERE aet = ?").param(aet.strip()).query(Long.class)
                .optional();
    }

    @Override
    public List<Sender> senders() {
        return jdbc.sql("SELECT aet, facility_id FROM imaging_sender ORDER BY aet")
                .query((rs, n) -> new Sender(rs.getString(1), rs.getLong(2))).list();
    }

    @Override
    public void putSender(String aet, long facilityId, long by) {
        jdbc.sql("""
                INSERT INTO imaging_sender (aet, facility_id, added_by) VALUES (?, ?, ?)
                ON CONFLICT (aet) DO UPDATE SET facility_id = excluded.facility_id, added_by = excluded.added_by,
                    added_at = now()""").params(aet, facilityId, by).update();
    }

    @Override
    public boolean removeSender(String aet) {
        return jdbc.sql("DELETE FROM imaging_sender WHERE aet = ?").param(aet).update() > 0;
    }

    @Override
    public void waiting(Waiting s) {
        jdbc.sql("""
                INSERT INTO imaging_waiting (study_uid, orthanc_id, patient_id, issuer, remote_aet, facility_id, accession,
                    modality, started, instances, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (study_uid) DO UPDATE SET orthanc_id = excluded.orthanc_id, patient_id = excluded.patient_id,
                    issuer = excluded.issuer, remote_aet = excluded.remote_aet, facility_id = excluded.facility_id,
                    accession = excluded.accession, modality = excluded.modality, started = excluded.started,
                    instances = excluded.instances, reason = excluded.reason, last_tried = now()""")
                .params(s.studyUid(), s.orthancId(), cut(s.patientId(), 64), cut(s.issuer(), 200), cut(s.remoteAet(), 16),
                        s.facilityId(), cut(s.accession(), 64), cut(s.modality(), 64),
                        s.started() == null ? null : Timestamp.from(s.started()), s.instances(), s.reason().name())
                .update();
    }

    @Override
    public void indexed(String studyUid) {
        jdbc.sql("DELETE FROM imaging_waiting WHERE study_uid = ?").param(studyUid).update();
    }

    @Override
    public List<Waiting> waiting(int limit) {
        return jdbc.sql("SELECT * FROM imaging_waiting ORDER BY first_seen, study_uid LIMIT ?").param(limit)
                .query(JdbcIndexState::row).list();
    }

    @Override
    public Optional<Waiting> waitingStudy(String studyUid) {
        return jdbc.sql("SELECT * FROM imaging_waiting WHERE study_uid = ?").param(studyUid).query(JdbcIndexState::row)
                .optional();
    }

    @Override
    public void lockStudy(String studyUid) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key(studyUid)).query((rs, n) -> 1).list();
    }

    @Override
    public long indexerUserId() {
        Long id = indexer;
        if (id == null) {
            // made on first use, not by a migration: an empty registry stays empty until someone needs it (demo seeding
            // and first-run checks count the users)
            jdbc.sql("""
                    INSERT INTO app_user (login_id, name_kanji, name_kana, profession, status)
                    VALUES (?, '画像インデクサ（システム）', 'ガゾウインデクサ', 'FACILITY_SYSTEM', 'DISABLED')
                    ON CONFLICT (login_id) DO NOTHING""").param(IndexerContext.LOGIN).update();
            id = jdbc.sql("SELECT id FROM app_user WHERE login_id = ?").param(IndexerContext.LOGIN).query(Long.class)
                    .single();
            indexer = id;
        }
        return id;
    }

    private static long key(String studyUid) {
        long h = 0x6d75737562690000L;
        for (byte b : ("imaging study " + studyUid).getBytes(StandardCharsets.US_ASCII)) {
            h = h * 1_099_511_628_211L ^ b;
        }
        return h;
    }

    private static String cut(String text, int most) {
        return text == null || text.length() <= most ? text : text.substring(0, most);
    }

    private static Waiting row(ResultSet rs, int n) throws SQLException {
        long facility = rs.getLong("facility_id");
        Long facilityId = rs.wasNull() ? null : facility;
        return new Waiting(rs.getString("study_uid"), rs.getString("orthanc_id"), rs.getString("patient_id"),
                rs.getString("issuer"), rs.getString("remote_aet"), facilityId, rs.getString("accession"),
                rs.getString("modality"), instant(rs.getTimestamp("started")), rs.getInt("instances"),
                StudyPatients.Reason.valueOf(rs.getString("reason")), instant(rs.getTimestamp("first_seen")),
                instant(rs.getTimestamp("last_tried")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
