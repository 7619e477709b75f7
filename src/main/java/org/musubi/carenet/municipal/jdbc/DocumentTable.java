package org.musubi.carenet.municipal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.municipal.DocumentKind;
import org.musubi.carenet.municipal.DocumentStatus;
import org.musubi.carenet.municipal.MunicipalDocument;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code municipal_document} (V57): the index, status and sent content of the municipal documents and
 * discharge sheets. Nothing here is shown to anyone before the access policy decided (the callers).
 */
public final class DocumentTable {

    /** The most rows a list shows. */
    public static final int PAGE = 200;

    private static final String COLUMNS = """
            id, kind, person_id, from_facility, from_user, to_facility, to_user, status, status_reason, patient_name,
            patient_kana, birth_date, application, insured_number, note, due, content_json, pdf_blob, record_ref,
            author_name, created_at, answered_at, read_at""";

    private final JdbcClient jdbc;

    public DocumentTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MunicipalDocument d) {
        jdbc.sql("INSERT INTO municipal_document (" + COLUMNS + ", updated_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.kind().name(), d.personId(), d.fromFacility(), d.fromUser(), d.toFacility(),
                        d.toUser(), d.status().name(), d.statusReason(), d.patientName(), d.patientKana(),
                        d.birthDate(), d.application(), d.insuredNumber(), d.note(), d.due(), d.contentJson(),
                        d.pdfBlob(), d.recordRef(), d.authorName(), ts(d.createdAt()), ts(d.answeredAt()),
                        ts(d.readAt()), ts(d.createdAt()))
                .update();
    }

    public Optional<MunicipalDocument> find(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql("SELECT " + COLUMNS + " FROM municipal_document WHERE id = ?")
                .param(id).query(DocumentTable::row).optional();
    }

    /** The answer arrived: status RECEIVED, with what was sent and what was entered into the record. */
    public boolean answer(UUID id, String contentJson, String pdfBlob, String recordRef, String authorName, Instant at) {
        return jdbc.sql("""
                        UPDATE municipal_document SET status = 'RECEIVED', content_json = ?, pdf_blob = ?, record_ref = ?,
                            author_name = ?, answered_at = ?, updated_at = ? WHERE id = ? AND status = 'REQUESTED'""")
                .params(contentJson, pdfBlob, recordRef, authorName, ts(at), ts(at), id).update() == 1;
    }

    /** A status change from {@code from} (a decline, a completion); false when the row was not in {@code from}. */
    public boolean move(UUID id, DocumentStatus from, DocumentStatus to, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE municipal_document SET status = ?, status_reason = ?, updated_at = ?
                        WHERE id = ? AND status = ?""")
                .params(to.name(), reason, ts(at), id, from.name()).update() == 1;
    }

    /** The addressee opened it the first time. */
    public void markRead(UUID id, Instant at) {
        jdbc.sql("UPDATE municipal_document SET read_at = ? WHERE id = ? AND read_at IS NULL").params(ts(at), id).update();
    }

    /** What was sent to the facility ({@code to_facility}), newest first. */
    public List<MunicipalDocument> to(long facility, DocumentKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_document WHERE to_facility = ? AND kind = ? "
                        + "ORDER BY created_at DESC LIMIT " + PAGE)
                .params(facility, kind.name()).query(DocumentTable::row).list();
    }

    /** What the facility sent or asked for ({@code from_facility}), newest first. */
    public List<MunicipalDocument> from(long facility, DocumentKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_document WHERE from_facility = ? AND kind = ? "
                        + "ORDER BY created_at DESC LIMIT " + PAGE)
                .params(facility, kind.name()).query(DocumentTable::row).list();
    }

    /** How many requests wait for the user as addressee, and how many of them are overdue (Japan's date). */
    public int[] openFor(long facility, long user, DocumentKind kind) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE due < (now() AT TIME ZONE 'Asia/Tokyo')::date)
                        FROM municipal_document WHERE to_facility = ? AND (to_user IS NULL OR to_user = ?) AND kind = ?
                            AND status = 'REQUESTED'""")
                .params(facility, user, kind.name()).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    /** How many answers arrived at the facility as the asking side and are unread. */
    public int unreadAnswers(long facility, DocumentKind kind) {
        return jdbc.sql("""
                        SELECT count(*) FROM municipal_document WHERE from_facility = ? AND kind = ? AND status = 'RECEIVED'
                            AND read_at IS NULL""")
                .params(facility, kind.name()).query(Integer.class).single();
    }

    /** How many sheets sent to the facility (to the user, when named) are unread. */
    public int unreadSent(long facility, long user, DocumentKind kind) {
        return jdbc.sql("""
                        SELECT count(*) FROM municipal_document WHERE to_facility = ? AND (to_user IS NULL OR to_user = ?)
                            AND kind = ? AND status = 'RECEIVED' AND read_at IS NULL""")
                .params(facility, user, kind.name()).query(Integer.class).single();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static MunicipalDocument row(ResultSet rs, int n) throws SQLException {
        long toUser = rs.getLong("to_user");
        Long to = rs.wasNull() ? null : toUser;
        java.sql.Date birth = rs.getDate("birth_date");
        java.sql.Date due = rs.getDate("due");
        return new MunicipalDocument(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")),
                rs.getLong("person_id"), rs.getLong("from_facility"), rs.getLong("from_user"),
                rs.getLong("to_facility"), to, DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("patient_name"), rs.getString("patient_kana"),
                birth == null ? null : birth.toLocalDate(), rs.getString("application"), rs.getString("insured_number"),
                rs.getString("note"), due == null ? null : due.toLocalDate(), rs.getString("content_json"),
                rs.getString("pdf_blob"), rs.getString("record_ref"), rs.getString("author_name"),
                instant(rs, "created_at"), instant(rs, "answered_at"), instant(rs, "read_at"));
    }
}
