package org.musubi.registry.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.musubi.database.ChangeVersions;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcUsers implements Users {

    private static final String FILTER = """
             WHERE (CAST(:text AS text) IS NULL OR login_id ILIKE :like OR name_kanji ILIKE :like OR name_kana ILIKE :like)
               AND (CAST(:facility AS bigint) IS NULL OR EXISTS (SELECT 1 FROM user_membership m
                    WHERE m.user_id = app_user.id AND m.facility_id = :facility))
               AND person_id IS NULL""";
    /**
     * A user with their memberships in one statement: a row mapper must not run queries of its own, as
     * it would hold one pooled connection while waiting for another (with many requests at once, the
     * pool runs dry and every request waits for the timeout).
     */
    private static final String COLUMNS = """
            SELECT app_user.*,
                   ARRAY(SELECT m.facility_id FROM user_membership m WHERE m.user_id = app_user.id
                         ORDER BY m.facility_id) AS member_facilities,
                   ARRAY(SELECT m.facility_admin FROM user_membership m WHERE m.user_id = app_user.id
                         ORDER BY m.facility_id) AS member_admins""";
    private static final String SELECT = COLUMNS + " FROM app_user";
    /**
     * The user of a request, read once per request, with the versions of the cached facts ({@link ChangeVersions}):
     * every request that has a user learns them without a round trip of its own (issue 41).
     */
    private static final String SELECT_WITH_VERSIONS = COLUMNS + ", " + ChangeVersions.COLUMN + " FROM app_user";
    private final JdbcClient jdbc;

    JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> find(long id) {
        return RequestMemo.find("user", id, () -> load(id));
    }

    private Optional<User> load(long id) {
        return jdbc.sql(SELECT_WITH_VERSIONS + " WHERE id = ?").param(id).query((rs, row) -> {
            ChangeVersions.seen(rs.getString("change_versions"));
            return read(rs, row);
        }).optional();
    }

    @Override
    public Optional<User> findByLoginId(String loginId) {
        return jdbc.sql(SELECT + " WHERE login_id = ?")
                .param(loginId == null ? "" : loginId.strip().toLowerCase(Locale.ROOT)).query(this::read).optional();
    }

    @Override
    public Page<User> search(String text, Long facilityId, PageRequest page) {
        MapSqlParameterSource params = Likes.params(text).addValue("facility", facilityId);
        long total = jdbc.sql("SELECT count(*) FROM app_user " + FILTER).paramSource(params).query(Long.class).single();
        var items = jdbc.sql(SELECT + " " + FILTER + " ORDER BY id LIMIT :limit OFFSET :offset")
                .paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
                .query(this::read).list();
        return new Page<>(items, page, total);
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    @Override
    @Transactional
    public User insert(UserDraft d, boolean demo) {
        RequestMemo.forget();
        long id = jdbc.sql("""
                INSERT INTO app_user (login_id, name_kanji, name_kana, profession, network_admin, status, demo)
                VALUES (:loginId, :nameKanji, :nameKana, :profession, :networkAdmin, :status, :demo) RETURNING id""")
                .paramSource(params(d).addValue("demo", demo)).query(Long.class).single();
        writeMemberships(id, d.memberships());
        return load(id).orElseThrow();
    }

    @Override
    @Transactional
    public User update(long id, UserDraft d) {
        RequestMemo.forget();
        jdbc.sql("""
                UPDATE app_user SET login_id = :loginId, name_kanji = :nameKanji, name_kana = :nameKana,
                  profession = :profession, network_admin = :networkAdmin, status = :status, updated_at = now()
                WHERE id = :id""").paramSource(params(d).addValue("id", id)).update();
        jdbc.sql("DELETE FROM user_membership WHERE user_id = ?").param(id).update();
        writeMemberships(id, d.memberships());
        return load(id).orElseThrow();
    }

    @Override
    public Optional<User> residentOf(long personId) {
        return jdbc.sql(SELECT + " WHERE person_id = ?").param(personId).query(this::read).optional();
    }

    @Override
    public User saveResident(long personId, String loginId, String nameKanji, String nameKana) {
        RequestMemo.forget();
        long id = jdbc.sql("""
                INSERT INTO app_user (login_id, name_kanji, name_kana, profession, person_id)
                VALUES (:loginId, :nameKanji, :nameKana, 'RESIDENT', :personId)
                ON CONFLICT (person_id) WHERE person_id IS NOT NULL DO UPDATE SET login_id = excluded.login_id,
                  name_kanji = excluded.name_kanji, name_kana = excluded.name_kana, status = 'ACTIVE', updated_at = now()
                RETURNING id""")
                .paramSource(new MapSqlParameterSource().addValue("loginId", loginId.strip().toLowerCase(Locale.ROOT))
                        .addValue("nameKanji", nameKanji).addValue("nameKana", nameKana).addValue("personId", personId))
                .query(Long.class).single();
        return load(id).orElseThrow();
    }

    @Override
    public boolean anyActiveNetworkAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE network_admin AND status = 'ACTIVE' AND NOT demo)")
                .query(Boolean.class).single();
    }

    @Override
    public void endSessions(long userId) {
        RequestMemo.forget();
        jdbc.sql("UPDATE app_user SET session_epoch = session_epoch + 1, updated_at = now() WHERE id = ?").param(userId)
                .update();
    }

    @Override
    public void markDemo(long userId) {
        RequestMemo.forget();
        jdbc.sql("UPDATE app_user SET demo = true, updated_at = now() WHERE id = ?").param(userId).update();
    }

    @Override
    public int disableDemoAccounts() {
        RequestMemo.forget();
        return jdbc.sql("UPDATE app_user SET status = 'DISABLED', updated_at = now() WHERE demo AND status = 'ACTIVE'")
                .update();
    }

    private void writeMemberships(long userId, List<User.Membership> memberships) {
        for (User.Membership m : memberships) {
            jdbc.sql("INSERT INTO user_membership (user_id, facility_id, facility_admin) VALUES (?, ?, ?)")
                    .params(userId, m.facilityId(), m.facilityAdmin()).update();
        }
    }

    private static MapSqlParameterSource params(UserDraft d) {
        return new MapSqlParameterSource()
                .addValue("loginId", d.loginId())
                .addValue("nameKanji", d.nameKanji().strip())
                .addValue("nameKana", d.nameKana().strip())
                .addValue("profession", d.profession().name())
                .addValue("networkAdmin", d.networkAdmin())
                .addValue("status", d.status().name());
    }

    private User read(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Long[] facilities = (Long[]) rs.getArray("member_facilities").getArray();
        Boolean[] admins = (Boolean[]) rs.getArray("member_admins").getArray();
        List<User.Membership> memberships = new ArrayList<>(facilities.length);
        for (int i = 0; i < facilities.length; i++) {
            memberships.add(new User.Membership(facilities[i], admins[i]));
        }
        return new User(id, rs.getString("login_id"), rs.getString("name_kanji"), rs.getString("name_kana"),
                Profession.valueOf(rs.getString("profession")), memberships, rs.getBoolean("network_admin"),
                UserStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"), (Long) rs.getObject("person_id"),
                rs.getInt("session_epoch"));
    }
}
