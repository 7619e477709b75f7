package org.musubi.imaging.reading.programme.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.Programme;
import org.musubi.imaging.reading.programme.ProgrammeRows;
import org.musubi.imaging.reading.programme.ProgrammeStudy;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The programmes, their pools and their studies in {@code reading_programme*} and {@code reading_double} (V70). */
public final class JdbcProgrammeRows implements ProgrammeRows {

    private static final String STUDY = "SELECT id, programme_id, study_uid, person_id, submitter_patient_id,"
            + " submitter_facility, submitter_user, first_reader, second_reader, first_reading, second_reading,"
            + " comparer, final_reading, first_comment, second_comment, final_comment, submitted_at, first_at,"
            + " second_at, final_at, report_id FROM reading_double";

    private final JdbcClient jdbc;

    public JdbcProgrammeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Programme insert(Programme p) {
        long id = jdbc.sql("INSERT INTO reading_programme (name, kind, modality, centre_facility, chief_user)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(p.name(), p.kind().name(), p.modality(), p.centreFacility(), p.chief()).query(Long.class).single();
        readers(id, p.readers());
        return programme(id).orElseThrow();
    }

    @Override
    public void readers(long programmeId, List<Long> readers) {
        jdbc.sql("DELETE FROM reading_programme_reader WHERE programme_id = ?").params(programmeId).update();
        for (long reader : readers) {
            jdbc.sql("INSERT INTO reading_programme_reader (programme_id, user_id) VALUES (?, ?)")
                    .params(programmeId, reader).update();
        }
    }

    @Override
    public Optional<Programme> programme(long id) {
        return programmes("WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<Programme> programmes() {
        return programmes("");
    }

    @Override
    public List<Programme> ofCentre(long facility) {
        return programmes("WHERE centre_facility = ?", facility);
    }

    @Override
    public List<Programme> forModality(String modality) {
        return programmes("WHERE modality = ?", modality);
    }

    private List<Programme> programmes(String where, Object... params) {
        return jdbc.sql("SELECT id, name, kind, modality, centre_facility, chief_user, ARRAY(SELECT user_id FROM"
                        + " reading_programme_reader r WHERE r.programme_id = p.id ORDER BY user_id) AS readers"
                        + " FROM reading_programme p " + where + " ORDER BY id").params(params)
                .query((rs, n) -> new Programme(rs.getLong("id"), rs.getString("name"),
                        Programme.Kind.valueOf(rs.getString("kind")), rs.getString("modality"),
                        rs.getLong("centre_facility"), rs.getLong("chief_user"),
                        List.of((Long[]) rs.getArray("readers").getArray()))).list();
    }

    @Override
    public Map<Long, Integer> openLoad(long programmeId) {
        Map<Long, Integer> load = new HashMap<>();
        jdbc.sql("SELECT reader, count(*) FROM (SELECT first_reader AS reader FROM reading_double WHERE programme_id = ?"
                        + " AND final_reading IS NULL AND first_reading IS NULL UNION ALL SELECT second_reader FROM"
                        + " reading_double WHERE programme_id = ? AND final_reading IS NULL AND second_reading IS NULL)"
                        + " open GROUP BY reader").params(programmeId, programmeId)
                .query((ResultSet rs) -> {
                    load.put(rs.getLong(1), rs.getInt(2));
                });
        return load;
    }

    @Override
    public Optional<ProgrammeStudy> insert(ProgrammeStudy s) {
        return jdbc.sql("INSERT INTO reading_double (programme_id, study_uid, person_id, submitter_patient_id,"
                        + " submitter_facility, submitter_user, first_reader, second_reader, submitted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (programme_id, study_uid) DO NOTHING RETURNING id")
                .params(s.programmeId(), s.studyUid(), s.personId(), s.submitterPatientId(), s.submitterFacility(),
                        s.submitterUser(), s.reading().first(), s.reading().second(), Timestamp.from(s.submittedAt()))
                .query(Long.class).optional().flatMap(this::find);
    }

    @Override
    public Optional<ProgrammeStudy> find(long id) {
        return jdbc.sql(STUDY + " WHERE id = ?").params(id).query(JdbcProgrammeRows::study).optional();
    }

    @Override
    public List<ProgrammeStudy> openOfStudy(String studyUid) {
        return jdbc.sql(STUDY + " WHERE study_uid = ? AND final_reading IS NULL").params(studyUid)
                .query(JdbcProgrammeRows::study).list();
    }

    @Override
    public List<ProgrammeStudy> open(List<Long> programmes, int limit) {
        if (programmes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STUDY + " WHERE programme_id = ANY(?) AND final_reading IS NULL ORDER BY submitted_at, id LIMIT ?")
                .params(programmes.toArray(Long[]::new), limit).query(JdbcProgrammeRows::study).list();
    }

    @Override
    public List<ProgrammeStudy> submittedBy(long facility, int limit) {
        return jdbc.sql(STUDY + " WHERE submitter_facility = ? ORDER BY submitted_at DESC, id DESC LIMIT ?")
                .params(facility, limit).query(JdbcProgrammeRows::study).list();
    }

    @Override
    public List<ProgrammeStudy> ofProgramme(long programmeId) {
        return jdbc.sql(STUDY + " WHERE programme_id = ? ORDER BY id").params(programmeId)
                .query(JdbcProgrammeRows::study).list();
    }

    @Override
    public boolean step(ProgrammeStudy before, ProgrammeStudy after, Instant now) {
        DoubleReading was = before.reading();
        DoubleReading next = after.reading();
        return jdbc.sql("UPDATE reading_double SET first_reading = ?, second_reading = ?, comparer = ?,"
                        + " final_reading = ?, first_comment = ?, second_comment = ?, final_comment = ?, first_at = ?,"
                        + " second_at = ?, final_at = ?, report_id = ? WHERE id = ?"
                        + " AND first_reading IS NOT DISTINCT FROM ? AND second_reading IS NOT DISTINCT FROM ?"
                        + " AND final_reading IS NOT DISTINCT FROM ?")
                .params(name(next.firstReading()), name(next.secondReading()), next.comparer(),
                        name(next.finalReading()), after.firstComment(), after.secondComment(), after.finalComment(),
                        time(after.firstAt()), time(after.secondAt()), time(after.finalAt()), after.reportId(),
                        before.id(), name(was.firstReading()), name(was.secondReading()), name(was.finalReading()))
                .update() == 1;
    }

    private static ProgrammeStudy study(ResultSet rs, int row) throws SQLException {
        Long comparer = rs.getObject("comparer") == null ? null : rs.getLong("comparer");
        DoubleReading reading = new DoubleReading(rs.getLong("first_reader"), rs.getLong("second_reader"),
                category(rs.getString("first_reading")), category(rs.getString("second_reading")), comparer,
                category(rs.getString("final_reading")));
        return new ProgrammeStudy(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("study_uid"),
                rs.getLong("person_id"), rs.getLong("submitter_patient_id"), rs.getLong("submitter_facility"),
                rs.getLong("submitter_user"), reading, rs.getString("first_comment"), rs.getString("second_comment"),
                rs.getString("final_comment"), instant(rs, "submitted_at"), instant(rs, "first_at"),
                instant(rs, "second_at"), instant(rs, "final_at"), rs.getString("report_id"));
    }

    private static ScreeningCategory category(String code) {
        return code == null ? null : ScreeningCategory.valueOf(code);
    }

    private static String name(ScreeningCategory category) {
        return category == null ? null : category.name();
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
