package org.musubi.letters.exchange.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.LetterRow;
import org.musubi.letters.exchange.LetterStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exchange's own rows (V47): {@code letter} (the inboxes' and outboxes' index and each letter's status),
 * {@code letter_event} (its history) and {@code letter_draft}. The letter itself is in the record; nothing here is
 * shown to anyone before the access policy has decided (the exchange's callers).
 */
public final class LetterTable {

    /** A page of an inbox or outbox. */
    public static final int PAGE = 50;

    private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

    private static final String COLUMNS = """
            l.id, l.person_id, l.kind, l.patient_name, l.patient_kana, l.birth_date, l.sender_facility, s.name_kanji,
            l.author_name, l.addressee_facility, a.name_kanji, l.department, l.doctor, l.status, l.status_reason,
            l.sent_at, l.received_at, l.updated_at, l.due, l.replies_to, l.reply_id,
            l.patient_key, l.document_id, l.task_id, l.letter_json, l.pdf_blob, l.bundle_signature, l.attachments_json,
            l.sender_user, l.document_blob""";
    private static final String FROM = """
            FROM letter l JOIN facility s ON s.id = l.sender_facility JOIN facility a ON a.id = l.addressee_facility""";

    private final JdbcClient jdbc;

    public LetterTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A letter row with what the exchange keeps beside what the lists show. */
    public record Stored(LetterRow row, long patientKey, String documentId, String taskId, String letterJson, String pdfBlob,
                  byte[] bundleSignature, String attachmentsJson, long senderUser, String documentBlob) {
    }

    /** What a send inserts. */
    public record NewLetter(UUID id, long personId, long patientKey, long senderFacility, long senderUser,
                     long addresseeFacility, String department, String doctor, LetterKind kind, int year, int seq,
                     String documentId, String taskId, String patientName, String patientKana, LocalDate birthDate,
                     String authorName, String letterJson, String pdfBlob, String documentBlob,
                     byte[] bundleSignature, String attachmentsJson, UUID repliesTo, Instant sentAt, LocalDate due) {
    }

    /**
     * The next number of the sender's letters in {@code year}, under a transaction-scoped advisory lock on the sender
     * (two sends at once get two numbers; the unique index backs it).
     */
    public int nextSeq(long senderFacility, int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('musubi-letter-seq', ?))").param(senderFacility)
                .query((rs, n) -> 1).list();
        return jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM letter WHERE sender_facility = ? AND year = ?")
                .param(senderFacility).param(year).query(Integer.class).single();
    }

    public void insert(NewLetter l) {
        jdbc.sql("""
                        INSERT INTO letter (id, person_id, patient_key, sender_facility, sender_user, addressee_facility,
                            department, doctor, kind, year, seq, document_id, task_id, patient_name, patient_kana,
                            birth_date, author_name, letter_json, pdf_blob, document_blob, bundle_signature, attachments_json,
                            status, replies_to, sent_at, updated_at, due)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?)""")
                .params(l.id(), l.personId(), l.patientKey(), l.senderFacility(), l.senderUser(), l.addresseeFacility(),
                        l.department(), l.doctor(), l.kind().name(), l.year(), l.seq(), l.documentId(), l.taskId(),
                        l.patientName(), l.patientKana(), l.birthDate(), l.authorName(), l.letterJson(), l.pdfBlob(),
                        l.documentBlob(), l.bundleSignature(), l.attachmentsJson(), l.repliesTo(), Timestamp.from(l.sentAt()),
                        Timestamp.from(l.sentAt()), l.due())
                .update();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " " + FROM + " WHERE l.id = ?").param(id)
                .query((rs, n) -> stored(rs, Instant.now())).optional();
    }

    /**
     * Sets the status (and the reason, the reply, the first opening) when the letter is still in {@code from}; false
     * when it was not (another user changed it first).
     */
    public boolean status(UUID id, Set<LetterStatus> from, LetterStatus to, String reason, UUID replyId, Instant at) {
        return jdbc.sql("""
                        UPDATE letter SET status = ?, status_reason = coalesce(?, status_reason),
                            reply_id = coalesce(?, reply_id), updated_at = ?,
                            received_at = CASE WHEN ? = 'RECEIVED' THEN coalesce(received_at, ?) ELSE received_at END
                        WHERE id = ? AND status = ANY (?)""")
                .params(to.name(), reason, replyId, Timestamp.from(at), to.name(), Timestamp.from(at), id,
                        from.stream().map(Enum::name).toArray(String[]::new))
                .update() == 1;
    }

    public void event(UUID id, LetterStatus status, long userId, String byName, String reason, Instant at) {
        jdbc.sql("INSERT INTO letter_event (letter_id, at, status, by_user, by_name, reason) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(at), status.name(), userId, byName, reason).update();
    }

    public List<LetterExchange.Event> events(UUID id) {
        return jdbc.sql("SELECT status, at, by_name, reason FROM letter_event WHERE letter_id = ? ORDER BY at, status")
                .param(id)
                .query((rs, n) -> new LetterExchange.Event(LetterStatus.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A page of the letters to ({@code inbox}) or from the facility, newest first, of these statuses (all when empty). */
    public List<Stored> page(long facilityId, boolean inbox, Set<LetterStatus> statuses, int page, Instant now) {
        String side = inbox ? "l.addressee_facility" : "l.sender_facility";
        String status = statuses.isEmpty() ? "" : " AND l.status = ANY (?)";
        var sql = jdbc.sql("SELECT " + COLUMNS + " " + FROM + " WHERE " + side + " = ?" + status
                        + " ORDER BY l.sent_at DESC, l.id LIMIT ? OFFSET ?")
                .param(facilityId);
        if (!statuses.isEmpty()) {
            sql = sql.param(statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        return sql.param(PAGE + 1).param(Math.max(0, page) * PAGE).query((rs, n) -> stored(rs, now)).list();
    }

    /** Counts of the facility's inbox: unread, overdue, open. */
    public LetterExchange.Counts counts(long facilityId, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE received_at IS NULL AND status = 'REQUESTED'),
                               count(*) FILTER (WHERE due < ? AND status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED')),
                               count(*) FILTER (WHERE status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED'))
                        FROM letter WHERE addressee_facility = ? AND status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED')""")
                .param(today).param(facilityId)
                .query((rs, n) -> new LetterExchange.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    /** Letters to or from the facility changed after {@code since}, oldest change first. */
    public List<Stored> changedSince(long facilityId, Instant since, int limit, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " " + FROM + " WHERE (l.addressee_facility = ? OR l.sender_facility = ?)"
                        + " AND l.updated_at > ? ORDER BY l.updated_at, l.id LIMIT ?")
                .param(facilityId).param(facilityId).param(Timestamp.from(since)).param(limit)
                .query((rs, n) -> stored(rs, now)).list();
    }

    // Uploads

    public void uploaded(long authorUser, String blobKey, Instant at) {
        jdbc.sql("INSERT INTO letter_upload (author_user, blob_key, uploaded_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(authorUser, blobKey, Timestamp.from(at)).update();
    }

    /** Whether the user uploaded this file. */
    public boolean uploadedBy(long authorUser, String blobKey) {
        return jdbc.sql("SELECT count(*) FROM letter_upload WHERE author_user = ? AND blob_key = ?")
                .param(authorUser).param(blobKey).query(Integer.class).single() > 0;
    }

    /** Which of {@code keys} a letter names as its signed PDF or its document's file. */
    public Set<String> filesNamed(List<String> keys) {
        String[] named = keys.toArray(String[]::new);
        return new HashSet<>(jdbc.sql("SELECT pdf_blob FROM letter WHERE pdf_blob = ANY(?::text[])"
                        + " UNION SELECT document_blob FROM letter WHERE document_blob = ANY(?::text[])")
                .params(named, named).query(String.class).list());
    }

    /** Which of {@code ids} are letters' (stored, not rolled back nor deleted). */
    public Set<UUID> lettersAmong(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM letter WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    // Drafts

    public void saveDraft(UUID id, long authorUser, long personId, String requestJson, Instant at) {
        jdbc.sql("""
                        INSERT INTO letter_draft (id, author_user, person_id, request_json, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET request_json = excluded.request_json, updated_at = excluded.updated_at
                        WHERE letter_draft.author_user = excluded.author_user""")
                .params(id, authorUser, personId, requestJson, Timestamp.from(at)).update();
    }

    /** Saves the author's draft again only while it is as saved at {@code seen}; false when it was saved since. */
    public boolean saveDraftIfSavedAt(UUID id, long authorUser, String requestJson, Instant at, Instant seen) {
        return jdbc.sql("UPDATE letter_draft SET request_json = ?, updated_at = ?"
                        + " WHERE id = ? AND author_user = ? AND updated_at = ?")
                .params(requestJson, Timestamp.from(at), id, authorUser, Timestamp.from(seen)).update() == 1;
    }

    public record DraftRow(UUID id, long personId, String requestJson, Instant updatedAt) {
    }

    public List<DraftRow> drafts(long authorUser, long personId) {
        return jdbc.sql("SELECT id, person_id, request_json, updated_at FROM letter_draft WHERE author_user = ? AND "
                        + "person_id = ? ORDER BY updated_at DESC")
                .param(authorUser).param(personId).query((rs, n) -> draft(rs)).list();
    }

    public Optional<DraftRow> draft(long authorUser, UUID id) {
        return jdbc.sql("SELECT id, person_id, request_json, updated_at FROM letter_draft WHERE author_user = ? AND id = ?")
                .param(authorUser).param(id).query((rs, n) -> draft(rs)).optional();
    }

    public void deleteDraft(long authorUser, UUID id) {
        jdbc.sql("DELETE FROM letter_draft WHERE author_user = ? AND id = ?").param(authorUser).param(id).update();
    }

    private static DraftRow draft(ResultSet rs) throws SQLException {
        return new DraftRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }

    private static Stored stored(ResultSet rs, Instant now) throws SQLException {
        LetterStatus status = LetterStatus.valueOf(rs.getString(14));
        LocalDate due = rs.getObject(19, LocalDate.class);
        boolean overdue = due != null && status.open() && due.isBefore(LocalDate.ofInstant(now, JAPAN));
        LetterRow row = new LetterRow(rs.getObject(1, UUID.class), rs.getLong(2), LetterKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getLong(7), rs.getString(8),
                rs.getString(9), rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13), status,
                rs.getString(15), rs.getTimestamp(16).toInstant(), instant(rs.getTimestamp(17)),
                rs.getTimestamp(18).toInstant(), due, overdue, rs.getObject(20, UUID.class), rs.getObject(21, UUID.class));
        return new Stored(row, rs.getLong(22), rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26),
                rs.getBytes(27), rs.getString(28), rs.getLong(29), rs.getString(30));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public static <T> List<T> firstPage(List<T> rows) {
        return new ArrayList<>(rows.subList(0, Math.min(PAGE, rows.size())));
    }
}
