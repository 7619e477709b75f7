package org.musubi.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.musubi.identity.FacilityPatient;
import org.musubi.identity.matching.normalize.KanaNormalizer;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A facility's search among its own persons (its link list): the persons come as an ordered id
 * array, each joined with the facility's chart number — the newest local id the facility gave, none when Musubi made
 * every one of them ({@link #MADE_BY_MUSUBI}); the order of the array is kept.
 */
final class FacilityPatientSql {

    /**
     * The local ids Musubi makes where a facility gave none, never a chart number a person reads or types: a JAHIS
     * notebook's patient ({@code jahis-} and 16 hex digits: JAHIS carries no patient number) and the keyed UUIDs of the
     * source patients letters and care teams make for a facility that linked the person by card alone.
     */
    static final String MADE_BY_MUSUBI = "^(jahis-[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$";

    private static final String FROM = """
             FROM unnest(?::bigint[]) WITH ORDINALITY AS l(person_id, ord) JOIN person p ON p.id = l.person_id
             LEFT JOIN LATERAL (SELECT sp.local_id FROM source_patient sp
                 JOIN person_link pl ON pl.source_patient_id = sp.id
                 WHERE pl.person_id = p.id AND sp.facility_id = ? AND NOT (sp.local_id ~ '""" + MADE_BY_MUSUBI + """
                 ') ORDER BY sp.id DESC LIMIT 1) c ON true""";
    private static final String KANA_PREFIX = JdbcPersonDirectory.KANA_AS_WRITTEN;
    private static final String NAME_KEY_PREFIX = "EXISTS (SELECT 1 FROM person_match_key k WHERE k.person_id = p.id"
            + " AND k.key LIKE 'N%' AND substr(k.key, 6) LIKE ?)";
    private static final String KANJI_CONTAINS = JdbcPersonDirectory.KANJI_AS_WRITTEN;

    private final JdbcClient jdbc;

    FacilityPatientSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<FacilityPatient> among(List<Long> personIds, long facilityId, String text, PageRequest page) {
        if (personIds.isEmpty()) {
            return new Page<>(List.of(), page, 0);
        }
        List<Object> params = new ArrayList<>(List.of(personIds.toArray(Long[]::new), facilityId));
        String where = where(text, params);
        long total = jdbc.sql("SELECT count(*) " + FROM + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        List<FacilityPatient> items = jdbc.sql("SELECT p.*, c.local_id AS chart_number " + FROM + where
                        + " ORDER BY l.ord LIMIT ? OFFSET ?")
                .params(params).query(FacilityPatientSql::read).list();
        return new Page<>(items, page, total);
    }

    /** Any of: regional ID prefix, chart number prefix, kana name prefix, kanji name part. */
    private static String where(String text, List<Object> params) {
        String typed = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (typed.isEmpty()) {
            return "";
        }
        List<String> any = new ArrayList<>();
        String digits = typed.replaceAll("[\\s\\-‐－]", "");
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            any.add("p.regional_id LIKE ?");
            params.add(digits + "%");
        }
        any.add("upper(c.local_id) LIKE upper(?) ESCAPE '\\'");
        params.add(escape(typed) + "%");
        String compact = typed.replaceAll("\\s", "");
        String kana = KanaNormalizer.normalize(compact);
        if (!kana.isEmpty()) {
            any.add(KANA_PREFIX);
            params.add(escape(compact) + "%");
            any.add(NAME_KEY_PREFIX);
            params.add(kana + "%");
        }
        if (compact.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            any.add(KANJI_CONTAINS);
            params.add("%" + escape(compact) + "%");
        }
        return " WHERE (" + String.join(" OR ", any) + ")";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static FacilityPatient read(ResultSet rs, int row) throws SQLException {
        return new FacilityPatient(JdbcIdentityStore.person(rs, row), rs.getString("chart_number"));
    }
}
