package org.musubi.identity.jdbc;

import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.musubi.identity.FacilityPatient;
import org.musubi.identity.PersonDirectory;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.matching.normalize.KanaNormalizer;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operators' person search. Kana is compared normalised on both sides: the typed text through
 * {@link KanaNormalizer}, the stored name through its {@code N} blocking key (birth year + normalised
 * full kana name, see {@code BlockingKeys}); the stored name as written (spaces removed) is tried
 * too. A scan, not an index lookup: fine for an operator's screen.
 */
@Repository
class JdbcPersonDirectory implements PersonDirectory {

    private static final String NAME_KEY_KANA = "p.id IN (SELECT person_id FROM person_match_key"
            + " WHERE key LIKE 'N%' AND substr(key, 6) LIKE ?)";
    static final String KANA_AS_WRITTEN = "replace(replace(p.family_kana || p.given_kana, ' ', ''), '　', '')"
            + " LIKE ? ESCAPE '\\'";
    static final String KANJI_AS_WRITTEN = "replace(replace(p.family_kanji || p.given_kanji, ' ', ''), '　', '')"
            + " LIKE ? ESCAPE '\\'";

    private final JdbcClient jdbc;

    JdbcPersonDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<RegisteredPerson> search(String text, LocalDate birthDate, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        addText(compact(text), conditions, params);
        if (birthDate != null) {
            conditions.add("p.birth_date = ?");
            params.add(Date.valueOf(birthDate));
        }
        if (conditions.isEmpty()) {
            return new Page<>(List.of(), page, 0);
        }
        String where = " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM person p" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<RegisteredPerson> items = jdbc.sql("SELECT p.* FROM person p" + where
                        + " ORDER BY p.family_kana, p.given_kana, p.birth_date, p.id LIMIT ? OFFSET ?")
                .params(paged).query(JdbcIdentityStore::person).list();
        return new Page<>(items, page, total);
    }

    @Override
    public Page<FacilityPatient> amongPersons(List<Long> personIds, long facilityId, String text,
                                                                 PageRequest page) {
        return new FacilityPatientSql(jdbc).among(personIds, facilityId, text, page);
    }

    @Override
    public List<UndoableMerge> undoableMerges(long survivorId) {
        return jdbc.sql("""
                SELECT e.id, e.other_person_id, e.occurred_at, e.reason FROM identity_event e
                JOIN person m ON m.id = e.other_person_id JOIN person s ON s.id = e.person_id
                WHERE e.kind = 'MERGE' AND e.person_id = ? AND s.status = 'ACTIVE'
                  AND m.status = 'MERGED' AND m.merged_into = e.person_id
                  AND NOT EXISTS (SELECT 1 FROM identity_event u WHERE u.kind = 'UNMERGE' AND u.merge_id = e.id)
                ORDER BY e.id DESC""").param(survivorId)
                .query((rs, n) -> new UndoableMerge(rs.getLong("id"), rs.getLong("other_person_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason")))
                .list();
    }

    /** Digits: a regional ID prefix; with kanji: the kanji name; otherwise: the kana name. */
    private static void addText(String text, List<String> conditions, List<Object> params) {
        if (text.isEmpty()) {
            return;
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            conditions.add("p.regional_id LIKE ?");
            params.add(text + "%");
        } else if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            conditions.add(KANJI_AS_WRITTEN);
            params.add(contains(text));
        } else {
            String kana = KanaNormalizer.normalize(text);
            conditions.add("(" + KANA_AS_WRITTEN + (kana.isEmpty() ? "" : " OR " + NAME_KEY_KANA) + ")");
            params.add(contains(text));
            if (!kana.isEmpty()) {
                params.add("%" + kana + "%");
            }
        }
    }

    /** NFKC (full-width digits and half-width kana become ordinary), without spaces and hyphens. */
    private static String compact(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\-‐－]", "");
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
