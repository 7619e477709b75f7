package org.musubi.registry.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityQuery;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFacilities implements Facilities {

    /** Only participants: never the health notebook's own source, which no form or search offers. */
    static final String PARTICIPANTS = "kind <> 'PERSONAL_HEALTH_RECORD'";
    private static final String FILTER = " WHERE " + PARTICIPANTS + """

               AND (CAST(:text AS text) IS NULL OR name_kanji ILIKE :like OR name_kana ILIKE :like OR institution_code LIKE :like)
               AND (CAST(:kind AS text) IS NULL OR kind = :kind) AND (CAST(:status AS text) IS NULL OR status = :status)""";
    /** A facility with its declared identifier systems in declaration order: one statement, as before they existed. */
    static final String SELECT = """
            SELECT f.*, ARRAY(SELECT s.system FROM facility_identifier_system s WHERE s.facility_id = f.id
                              ORDER BY s.declared_at, s.system) AS identifier_systems
            FROM facility f""";
    private final JdbcClient jdbc;

    JdbcFacilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Facility> find(long id) {
        return RequestMemo.find("facility", id, () -> load(id));
    }

    private Optional<Facility> load(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(JdbcFacilities::read).optional();
    }

    @Override
    public Optional<Facility> personalHealthRecord() {
        return jdbc.sql(SELECT + " WHERE kind = 'PERSONAL_HEALTH_RECORD'").query(JdbcFacilities::read).optional();
    }

    @Override
    public Optional<Facility> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE institution_code = ?").param(code).query(JdbcFacilities::read).optional();
    }

    @Override
    public Page<Facility> search(String text, FacilityKind kind, FacilityStatus status, PageRequest page) {
        MapSqlParameterSource params = Likes.params(text)
                .addValue("kind", kind == null ? null : kind.name())
                .addValue("status", status == null ? null : status.name());
        long total = jdbc.sql("SELECT count(*) FROM facility " + FILTER).paramSource(params).query(Long.class).single();
        var items = jdbc.sql(SELECT + " " + FILTER + " ORDER BY id LIMIT :limit OFFSET :offset")
                .paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
                .query(JdbcFacilities::read).list();
        return new Page<>(items, page, total);
    }

    @Override
    public Page<Facility> directory(FacilityQuery query, PageRequest page) {
        MapSqlParameterSource params = DirectoryFilter.params(query);
        long total = jdbc.sql("SELECT count(*) FROM facility " + DirectoryFilter.WHERE).paramSource(params)
                .query(Long.class).single();
        var items = jdbc.sql(SELECT + " " + DirectoryFilter.WHERE
                        + " ORDER BY name_kana, id LIMIT :limit OFFSET :offset")
                .paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
                .query(JdbcFacilities::read).list();
        return new Page<>(items, page, total);
    }

    @Override
    public List<Facility> all() {
        return jdbc.sql(SELECT + " WHERE " + PARTICIPANTS + " ORDER BY name_kana, id").query(JdbcFacilities::read).list();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM facility WHERE " + PARTICIPANTS).query(Long.class).single();
    }

    @Override
    public Facility insert(FacilityDraft d) {
        RequestMemo.forget();
        long id = jdbc.sql("""
                INSERT INTO facility (name_kanji, name_kana, kind, institution_code, prefecture, address, phone,
                  disclosing, viewing, status)
                VALUES (:nameKanji, :nameKana, :kind, :code, :prefecture, :address, :phone, :disclosing, :viewing, :status)
                RETURNING id""").paramSource(params(d)).query(Long.class).single();
        return load(id).orElseThrow();
    }

    @Override
    public Facility update(long id, FacilityDraft d) {
        RequestMemo.forget();
        jdbc.sql("""
                UPDATE facility SET name_kanji = :nameKanji, name_kana = :nameKana, kind = :kind,
                  institution_code = :code, prefecture = :prefecture, address = :address, phone = :phone,
                  disclosing = :disclosing, viewing = :viewing, status = :status, updated_at = now()
                WHERE id = :id""").paramSource(params(d).addValue("id", id)).update();
        return load(id).orElseThrow();
    }

    private static MapSqlParameterSource params(FacilityDraft d) {
        MedicalInstitutionCode code = d.validCode();
        return new MapSqlParameterSource()
                .addValue("nameKanji", d.nameKanji().strip())
                .addValue("nameKana", d.nameKana().strip())
                .addValue("kind", d.kind().name())
                .addValue("code", code == null ? null : code.value())
                .addValue("prefecture", d.effectivePrefecture())
                .addValue("address", Likes.trimToNull(d.address()))
                .addValue("phone", Likes.trimToNull(d.phone()))
                .addValue("disclosing", d.disclosing())
                .addValue("viewing", d.viewing())
                .addValue("status", (d.status() == null ? FacilityStatus.ACTIVE : d.status()).name());
    }

    static Facility read(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("institution_code");
        return new Facility(rs.getLong("id"), rs.getString("name_kanji"), rs.getString("name_kana"),
                FacilityKind.valueOf(rs.getString("kind")), code == null ? null : new MedicalInstitutionCode(code),
                rs.getInt("prefecture"), rs.getString("address"), rs.getString("phone"),
                rs.getBoolean("disclosing"), rs.getBoolean("viewing"), FacilityStatus.valueOf(rs.getString("status")),
                List.of((String[]) rs.getArray("identifier_systems").getArray()));
    }
}
