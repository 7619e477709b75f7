package org.musubi.registry.jdbc;

import java.text.Normalizer;
import org.musubi.registry.FacilityQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The participating-facility search as SQL: active facilities only; the name is compared after NFKC
 * (half-width kana, full-width letters) with hiragana turned into katakana and spaces removed.
 */
final class DirectoryFilter {

    static final String WHERE = """
             WHERE status = 'ACTIVE' AND\s""" + JdbcFacilities.PARTICIPANTS + """

               AND (CAST(:name AS text) IS NULL
                    OR replace(replace(name_kanji, ' ', ''), '　', '') ILIKE :name ESCAPE '\\'
                    OR replace(replace(name_kanji, ' ', ''), '　', '') ILIKE :kana ESCAPE '\\'
                    OR replace(replace(name_kana, ' ', ''), '　', '') ILIKE :kana ESCAPE '\\')
               AND (CAST(:kind AS text) IS NULL OR kind = :kind)
               AND (CAST(:prefecture AS integer) IS NULL OR prefecture = :prefecture)
               AND (CAST(:area AS text) IS NULL OR replace(replace(address, ' ', ''), '　', '') ILIKE :area ESCAPE '\\')
               AND (CAST(:role AS text) IS NULL OR (:role = 'DISCLOSING' AND disclosing)
                    OR (:role = 'VIEWING' AND viewing) OR (:role = 'VIEWING_ONLY' AND viewing AND NOT disclosing))""";

    private DirectoryFilter() {
    }

    static MapSqlParameterSource params(FacilityQuery q) {
        return new MapSqlParameterSource()
                .addValue("name", contains(compact(q.name())))
                .addValue("kana", contains(katakana(compact(q.name()))))
                .addValue("kind", q.kind() == null ? null : q.kind().name())
                .addValue("prefecture", q.prefecture())
                .addValue("area", contains(compact(q.area())))
                .addValue("role", q.role() == null ? null : q.role().name());
    }

    /** NFKC without spaces of any width; empty for none. */
    static String compact(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    static String katakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    private static String contains(String text) {
        return text.isEmpty() ? null
                : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
