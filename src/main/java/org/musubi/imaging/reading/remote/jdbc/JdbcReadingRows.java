package org.musubi.imaging.reading.remote.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.imaging.reading.ReadingStatus;
import org.musubi.imaging.reading.remote.ReadingRequest;
import org.musubi.imaging.reading.remote.ReadingRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ReadingRows} on the tables of V71. */
public final class JdbcReadingRows implements ReadingRows {

    private static final String COLUMNS = """
            id, study_uid, person_id, requester_patient_id, requester_facility, requester_user, centre_facility,
            reader_user, status, question, due, decline_reason, report_id, requested_at, reported_at, updated_at""";

    private final JdbcClient jdbc;

    public JdbcReadingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> centresFor(String modality) {
        return jdbc.sql("""
                        SELECT s.facility_id FROM reading_service s JOIN facility f ON f.id = s.facility_id
                        WHERE s.modality = ? AND f.status = 'ACTIVE' ORDER BY s.facility_id""")
                .param(modality).query(Long.class).list();
    }

    @Override
    public boolean isCentre(long facilityId) {
        return jdbc.sql("SELECT count(*) FROM reading_service WHERE facility_id = ?").param(facilityId)
                .query(Long.class).single() > 0;
    }

    @Override
    public ReadingRequest insert(ReadingRequest r) {
        long id = jdbc.sql("""
                        INSERT INTO reading_request (study_uid, person_id, requester_patient_id, requester_facility,
                            requester_user, centre_facility, status, question, due, requested_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(r.studyUid(), r.personId(), r.requesterPatientId(), r.requesterFacility(), r.requesterUser(),
                        r.centreFacility(), r.status().name(), r.question(), r.due() == null ? null : Date.valueOf(r.due()),
                        ts(r.requestedAt()), ts(r.updatedAt()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    @Override
    public Optional<ReadingRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reading_request WHERE id = ?").param(id)
                .query((rs, n) -> request(rs)).optional();
    }

    @Override
    public boolean step(ReadingRequest next, ReadingStatus expected, Instant at) {
        String column = switch (next.status()) {
            case CLAIMED -> "claimed_at";
            case REPORTED -> "reported_at";
            case RETURNED -> "returned_at";
            case CANCELLED, DECLINED -> "closed_at";
            case REQUESTED -> "updated_at";
        };
        return jdbc.sql("UPDATE reading_request SET status = ?, reader_user = ?, decline_reason = ?, report_id = ?, "
                        + column + " = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(next.status().name(), next.reader(), next.declineReason(), next.reportId(), ts(at), ts(at),
                        next.id(), expected.name())
                .update() == 1;
    }

    @Override
    public List<ReadingRequest> ofCentre(long centreFacility, List<ReadingStatus> statuses, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reading_request WHERE centre_facility = :centre"
                        + " AND status IN (:statuses) ORDER BY due NULLS LAST, requested_at, id LIMIT :limit")
                .param("centre", centreFacility).param("statuses", names(statuses)).param("limit", limit)
                .query((rs, n) -> request(rs)).list();
    }

    @Override
    public List<ReadingRequest> ofRequester(long requesterFacility, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reading_request WHERE requester_facility = ?"
                        + " ORDER BY requested_at DESC, id DESC LIMIT ?")
                .params(requesterFacility, limit).query((rs, n) -> request(rs)).list();
    }

    @Override
    public List<ReadingRequest> ofStudy(String studyUid, long centreFacility, List<ReadingStatus> statuses) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reading_request WHERE study_uid = :study"
                        + " AND centre_facility = :centre AND status IN (:statuses) ORDER BY id")
                .param("study", studyUid).param("centre", centreFacility).param("statuses", names(statuses))
                .query((rs, n) -> request(rs)).list();
    }

    @Override
    public int reportedFor(long requesterFacility, long user) {
        return jdbc.sql("SELECT count(*) FROM reading_request WHERE requester_facility = ? AND requester_user = ?"
                        + " AND status = 'REPORTED'")
                .params(requesterFacility, user).query(Integer.class).single();
    }

    @Override
    public int[] openAt(long centreFacility, Instant now) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE due IS NOT NULL
                            AND (due + 1)::timestamp AT TIME ZONE 'Asia/Tokyo' < ?)
                        FROM reading_request WHERE centre_facility = ? AND status IN ('REQUESTED', 'CLAIMED')""")
                .params(ts(now), centreFacility)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    private static List<String> names(List<ReadingStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static ReadingRequest request(ResultSet rs) throws SQLException {
        Date due = rs.getDate("due");
        return new ReadingRequest(rs.getLong("id"), rs.getString("study_uid"), rs.getLong("person_id"),
                rs.getLong("requester_patient_id"), rs.getLong("requester_facility"), rs.getLong("requester_user"),
                rs.getLong("centre_facility"), (Long) rs.getObject("reader_user"),
                ReadingStatus.valueOf(rs.getString("status")), rs.getString("question"),
                due == null ? null : due.toLocalDate(), rs.getString("decline_reason"), rs.getString("report_id"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("reported_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
