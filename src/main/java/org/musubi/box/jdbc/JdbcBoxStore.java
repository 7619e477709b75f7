package org.musubi.box.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.box.BoxFile;
import org.musubi.box.BoxStore;
import org.musubi.registry.Profession;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BoxStore} in PostgreSQL (V48). */
public final class JdbcBoxStore implements BoxStore {

    private static final String FILE = """
            SELECT f.id, f.sender_user, f.sender_facility, u.name_kanji, f.name, f.content_type, f.size, f.sha256,
                   f.message, f.scan_status, f.uploaded_at, f.expires_at,
                   f.person_id, f.record_document, f.part, f.lost_at
            FROM box_file f JOIN app_user u ON u.id = f.sender_user""";

    /** A recipient {@code r} who may still receive: active, a member of an active facility, still of the one chosen. */
    private static final String STILL = " " + """
             AND EXISTS (SELECT 1 FROM app_user u2 JOIN user_membership m ON m.user_id = u2.id
                         JOIN facility mf ON mf.id = m.facility_id
                         WHERE u2.id = r.user_id AND u2.status = 'ACTIVE' AND mf.status = 'ACTIVE'
                           AND (r.via_facility IS NULL OR m.facility_id = r.via_facility))""";

    private final JdbcClient jdbc;

    public JdbcBoxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(BoxFile f, Collection<Long> named, Long facility, Collection<Long> members) {
        jdbc.sql("""
                        INSERT INTO box_file (id, sender_user, sender_facility, name, content_type, size, sha256, message,
                            scan_status, uploaded_at, expires_at, person_id, record_document)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.id(), f.senderUser(), f.senderFacility(), f.name(), f.contentType(), f.size(), f.sha256(),
                        f.message(), f.scan().name(), Timestamp.from(f.uploadedAt()), Timestamp.from(f.expiresAt()),
                        f.personId(), f.recordDocument())
                .update();
        for (long user : named) {
            jdbc.sql("INSERT INTO box_recipient (file_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .param(f.id()).param(user).update();
        }
        for (long user : members) {
            jdbc.sql("INSERT INTO box_recipient (file_id, user_id, via_facility) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .param(f.id()).param(user).param(facility).update();
        }
    }

    @Override
    public Optional<BoxFile> find(UUID id) {
        return jdbc.sql(FILE + " WHERE f.id = ?").param(id).query((rs, n) -> file(rs)).optional();
    }

    @Override
    public String name(long userId) {
        return jdbc.sql("SELECT name_kanji FROM app_user WHERE id = ?").param(userId).query(String.class).optional()
                .orElse("");
    }

    @Override
    public boolean isRecipient(UUID id, long userId) {
        return jdbc.sql("SELECT count(*) FROM box_recipient r WHERE r.file_id = ? AND r.user_id = ?" + STILL)
                .param(id).param(userId).query(Integer.class).single() > 0;
    }

    @Override
    public List<BoxFile> received(long userId, Instant now) {
        return jdbc.sql(FILE + " JOIN box_recipient r ON r.file_id = f.id WHERE r.user_id = ? AND f.expires_at > ?"
                        + STILL + " ORDER BY f.uploaded_at DESC LIMIT 500")
                .param(userId).param(Timestamp.from(now)).query((rs, n) -> file(rs)).list();
    }

    @Override
    public List<BoxFile> sent(long userId, Instant now) {
        return jdbc.sql(FILE + " WHERE f.sender_user = ? AND f.expires_at > ? ORDER BY f.uploaded_at DESC LIMIT 500")
                .param(userId).param(Timestamp.from(now)).query((rs, n) -> file(rs)).list();
    }

    @Override
    public List<Recipient> recipients(UUID id) {
        return jdbc.sql("""
                        SELECT r.user_id, u.name_kanji, (SELECT max(d.at) FROM box_download d
                                                        WHERE d.file_id = r.file_id AND d.user_id = r.user_id)
                        FROM box_recipient r JOIN app_user u ON u.id = r.user_id WHERE r.file_id = ? ORDER BY u.name_kana""")
                .param(id).query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .list();
    }

    @Override
    public void downloaded(UUID id, long userId, Instant at) {
        jdbc.sql("INSERT INTO box_download (file_id, user_id, at) VALUES (?, ?, ?)").param(id).param(userId)
                .param(Timestamp.from(at)).update();
    }

    @Override
    public long usedBytes(long userId, Instant now) {
        return jdbc.sql("SELECT coalesce(sum(size), 0) FROM box_file WHERE sender_user = ? AND expires_at > ? AND lost_at IS NULL")
                .param(userId).param(Timestamp.from(now)).query(Long.class).single();
    }

    @Override
    public Set<Long> activeStaff(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT u.id FROM app_user u JOIN user_membership m ON m.user_id = u.id
                        JOIN facility f ON f.id = m.facility_id
                        WHERE u.id = ANY (?) AND u.status = 'ACTIVE' AND f.status = 'ACTIVE'""")
                .param(userIds.toArray(Long[]::new)).query(Long.class).list());
    }

    @Override
    public Set<Long> members(long facilityId, Set<Profession> professions) {
        String[] wanted = professions.stream().map(Enum::name).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("""
                        SELECT u.id FROM app_user u JOIN user_membership m ON m.user_id = u.id
                        JOIN facility f ON f.id = m.facility_id
                        WHERE m.facility_id = ? AND u.status = 'ACTIVE' AND f.status = 'ACTIVE'
                          AND (cardinality(?::text[]) = 0 OR u.profession = ANY (?::text[]))""")
                .param(facilityId).param(wanted).param(wanted).query(Long.class).list());
    }

    @Override
    public List<BoxFile> expired(Instant now, int limit) {
        return jdbc.sql(FILE + " WHERE f.expires_at <= ? ORDER BY f.expires_at LIMIT ?").param(Timestamp.from(now))
                .param(limit).query((rs, n) -> file(rs)).list();
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM box_file WHERE id = ?").param(id).update() == 1;
    }

    @Override
    public void sweepFinished(Instant at, int deleted) {
        jdbc.sql("""
                        INSERT INTO box_sweep (id, finished_at, deleted) VALUES (1, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET finished_at = excluded.finished_at, deleted = excluded.deleted""")
                .param(Timestamp.from(at)).param(deleted).update();
    }

    @Override
    public Optional<Instant> lastSweep() {
        return jdbc.sql("SELECT finished_at FROM box_sweep WHERE id = 1").query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    @Override
    public List<BoxFile> live(Instant now, UUID after, int limit) {
        return jdbc.sql(FILE + " WHERE f.expires_at > ? AND f.lost_at IS NULL AND (?::uuid IS NULL OR f.id > ?::uuid)"
                        + " ORDER BY f.id LIMIT ?")
                .param(Timestamp.from(now)).param(after).param(after).param(limit).query((rs, n) -> file(rs)).list();
    }

    @Override
    public boolean markLost(UUID id, Instant at) {
        return jdbc.sql("UPDATE box_file SET lost_at = ? WHERE id = ? AND lost_at IS NULL").param(Timestamp.from(at))
                .param(id).update() == 1;
    }

    @Override
    public int waiting(long userId, Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM box_recipient r JOIN box_file f ON f.id = r.file_id
                        WHERE r.user_id = ? AND f.expires_at > ? AND f.lost_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM box_download d WHERE d.file_id = f.id AND d.user_id = r.user_id)"""
                        + STILL)
                .param(userId).param(Timestamp.from(now)).query(Integer.class).single();
    }

    private static BoxFile file(ResultSet rs) throws SQLException {
        Long facility = rs.getObject(3, Long.class);
        return new BoxFile(rs.getObject(1, UUID.class), rs.getLong(2), facility, rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                BoxFile.ScanStatus.valueOf(rs.getString(10)), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(), rs.getObject(13, Long.class), rs.getString(14), rs.getString(15),
                instant(rs.getTimestamp(16)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
