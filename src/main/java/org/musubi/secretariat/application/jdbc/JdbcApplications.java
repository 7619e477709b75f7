package org.musubi.secretariat.application.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.secretariat.application.ApplicantUser;
import org.musubi.secretariat.application.Application;
import org.musubi.secretariat.application.ApplicationDocument;
import org.musubi.secretariat.application.ApplicationDraft;
import org.musubi.secretariat.application.ApplicationEvent;
import org.musubi.secretariat.application.ApplicationStatus;
import org.musubi.secretariat.application.Applications;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Applications in PostgreSQL (V60). */
public final class JdbcApplications implements Applications {

    private static final String COLUMNS = """
            id, reference, secret_hash, status, kind, name_kanji, name_kana, code, prefecture, municipality, address,
            phone, beds, disclosing, viewing, accepted_cards, contact_name, contact_phone, contact_email, return_reason,
            facility_id, submitted_at, status_changed_at""";
    private final JdbcClient jdbc;

    public JdbcApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Application insert(String reference, String secretHash, ApplicationDraft draft, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO facility_application (reference, secret_hash, status, kind, name_kanji, name_kana, code,
                    prefecture, municipality, address, phone, beds, disclosing, viewing, accepted_cards, contact_name,
                    contact_phone, contact_email, submitted_at, status_changed_at)
                VALUES (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(reference, secretHash, draft.kind().name(), draft.nameKanji(), draft.nameKana(),
                        draft.code().isEmpty() ? null : draft.code(), draft.facility().effectivePrefecture(),
                        draft.municipality(), draft.address(), draft.phone(), draft.beds(), draft.disclosing(),
                        draft.viewing(), cards(draft), draft.contactName(), draft.contactPhone(), draft.contactEmail(),
                        Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
        insertUsers(id, draft.users());
        return find(id).orElseThrow();
    }

    private void insertUsers(long id, List<ApplicantUser> users) {
        for (int i = 0; i < users.size(); i++) {
            ApplicantUser user = users.get(i);
            jdbc.sql("""
                    INSERT INTO facility_application_user (application_id, position, name_kanji, name_kana, profession,
                        facility_admin) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, i, user.nameKanji(), user.nameKana(), user.profession().name(), user.facilityAdmin())
                    .update();
        }
    }

    @Override
    public Optional<Application> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM facility_application WHERE id = ?").param(id)
                .query(this::read).optional().map(WithSecret::application);
    }

    @Override
    public Optional<WithSecret> findByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM facility_application WHERE reference = ?").param(reference)
                .query(this::read).optional();
    }

    @Override
    public Page<Application> list(Set<ApplicationStatus> statuses, PageRequest page) {
        String[] names = (statuses.isEmpty() ? EnumSet.allOf(ApplicationStatus.class) : statuses).stream()
                .map(Enum::name).toArray(String[]::new);
        long total = jdbc.sql("SELECT count(*) FROM facility_application WHERE status = ANY(?)").param(names)
                .query(Long.class).single();
        List<Application> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM facility_application WHERE status = ANY(?) ORDER BY submitted_at, id LIMIT ? OFFSET ?")
                .params(names, page.size(), page.offset()).query(this::read).list().stream()
                .map(WithSecret::application).toList();
        return new Page<>(items, page, total);
    }

    @Override
    public boolean move(long id, ApplicationStatus from, ApplicationStatus to, Instant now, String returnReason) {
        return jdbc.sql("""
                UPDATE facility_application SET status = ?, status_changed_at = ?, return_reason = ?
                 WHERE id = ? AND status = ?""")
                .params(to.name(), Timestamp.from(now), to == ApplicationStatus.RETURNED ? returnReason : null, id,
                        from.name())
                .update() == 1;
    }

    @Override
    public void replaceDraft(long id, ApplicationDraft draft, Instant now) {
        jdbc.sql("""
                UPDATE facility_application SET kind = ?, name_kanji = ?, name_kana = ?, code = ?, prefecture = ?,
                    municipality = ?, address = ?, phone = ?, beds = ?, disclosing = ?, viewing = ?, accepted_cards = ?,
                    contact_name = ?, contact_phone = ?, contact_email = ?, submitted_at = ? WHERE id = ?""")
                .params(draft.kind().name(), draft.nameKanji(), draft.nameKana(),
                        draft.code().isEmpty() ? null : draft.code(), draft.facility().effectivePrefecture(),
                        draft.municipality(), draft.address(), draft.phone(), draft.beds(), draft.disclosing(),
                        draft.viewing(), cards(draft), draft.contactName(), draft.contactPhone(), draft.contactEmail(),
                        Timestamp.from(now), id)
                .update();
        jdbc.sql("DELETE FROM facility_application_user WHERE application_id = ?").param(id).update();
        insertUsers(id, draft.users());
    }

    @Override
    public void setFacility(long id, long facilityId) {
        jdbc.sql("UPDATE facility_application SET facility_id = ? WHERE id = ?").params(facilityId, id).update();
    }

    @Override
    public void setUser(long id, int position, long userId) {
        jdbc.sql("UPDATE facility_application_user SET user_id = ? WHERE application_id = ? AND position = ?")
                .params(userId, id, position).update();
    }

    @Override
    public void addEvent(long id, ApplicationEvent event) {
        jdbc.sql("INSERT INTO facility_application_event (application_id, status, note, by_user, at) VALUES (?, ?, ?, ?, ?)")
                .params(id, event.status().name(), event.note(), event.byUserId(), Timestamp.from(event.at())).update();
    }

    @Override
    public List<ApplicationEvent> events(long id) {
        return jdbc.sql("SELECT status, note, by_user, at FROM facility_application_event WHERE application_id = ? ORDER BY id")
                .param(id)
                .query((rs, row) -> new ApplicationEvent(ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("note"), (Long) rs.getObject("by_user", Long.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Override
    public void addDocument(long id, ApplicationDocument document) {
        jdbc.sql("""
                INSERT INTO facility_application_document (application_id, file_name, content_type, blob_key, size_bytes,
                    scan, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, document.fileName(), document.contentType(), document.blobKey(), document.size(),
                        document.scanned() ? "CLEAN" : "UNSCANNED", Timestamp.from(document.uploadedAt()))
                .update();
    }

    @Override
    public List<ApplicationDocument> documents(long id) {
        return jdbc.sql("""
                SELECT id, application_id, file_name, content_type, blob_key, size_bytes, scan, uploaded_at
                  FROM facility_application_document WHERE application_id = ? ORDER BY id""")
                .param(id)
                .query((rs, row) -> new ApplicationDocument(rs.getLong("id"), rs.getLong("application_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getString("blob_key"),
                        rs.getLong("size_bytes"), "CLEAN".equals(rs.getString("scan")),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    @Override
    public Waiting waiting(Instant overdueBefore) {
        return jdbc.sql("""
                SELECT count(*) AS waiting, count(*) FILTER (WHERE submitted_at < ?) AS overdue
                  FROM facility_application WHERE status IN ('RECEIVED', 'UNDER_REVIEW')""")
                .param(Timestamp.from(overdueBefore))
                .query((rs, row) -> new Waiting(rs.getInt("waiting"), rs.getInt("overdue"))).single();
    }

    private WithSecret read(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        int beds = rs.getInt("beds");
        Integer bedCount = rs.wasNull() ? null : beds;
        List<ApplicantUser> users = jdbc.sql("""
                SELECT name_kanji, name_kana, profession, facility_admin FROM facility_application_user
                 WHERE application_id = ? ORDER BY position""")
                .param(id)
                .query((u, n) -> new ApplicantUser(u.getString("name_kanji"), u.getString("name_kana"),
                        Profession.valueOf(u.getString("profession")), u.getBoolean("facility_admin")))
                .list();
        ApplicationDraft draft = new ApplicationDraft(FacilityKind.valueOf(rs.getString("kind")),
                rs.getString("name_kanji"), rs.getString("name_kana"), rs.getString("code"), rs.getInt("prefecture"),
                rs.getString("municipality"), rs.getString("address"), rs.getString("phone"), bedCount,
                rs.getBoolean("disclosing"), rs.getBoolean("viewing"), cards(rs.getArray("accepted_cards")),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"), users);
        Application application = new Application(id, rs.getString("reference"),
                ApplicationStatus.valueOf(rs.getString("status")), draft, rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("status_changed_at").toInstant(), rs.getString("return_reason"),
                rs.getObject("facility_id", Long.class));
        return new WithSecret(application, rs.getString("secret_hash"));
    }

    private static String[] cards(ApplicationDraft draft) {
        return draft.acceptedCards().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Set<AcceptedCard> cards(Array array) throws SQLException {
        Set<AcceptedCard> cards = EnumSet.noneOf(AcceptedCard.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(AcceptedCard::valueOf).forEach(cards::add);
        }
        return cards;
    }

}
