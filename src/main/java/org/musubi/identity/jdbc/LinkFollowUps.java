package org.musubi.identity.jdbc;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What follows a link of source patients to persons, in the same transaction: a review still open for a linked source
 * patient is closed (it was matched again and linked), and a person registered without a kana name takes the kana of
 * the first source patient linked to them that has one (as a merge fills the survivor's blanks), so that its blocking
 * keys become the usual ones; likewise a person registered with a kana name in one piece (テストハンヨウ, kept whole as
 * the family name) takes its family and given parts from a linked patient whose two parts are exactly that name. Gives
 * the persons whose kana was filled, for their keys to be written again.
 */
final class LinkFollowUps {

    /** The persons of the links: their ids, or their regional IDs (a batch names persons so). */
    private static final String BY_ID = "p.id = u.person";
    private static final String BY_REGIONAL_ID = "p.regional_id = u.person";

    private final JdbcClient jdbc;

    LinkFollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After linking source patient {@code sourcePatientId} to person {@code personId}. */
    List<Long> after(long sourcePatientId, long personId) {
        return run(new Long[] {sourcePatientId}, new String[] {String.valueOf(personId)}, "bigint", BY_ID);
    }

    /** After linking each source patient to the person of the regional ID at the same index. */
    List<Long> afterAll(Long[] sourcePatientIds, String[] regionalIds) {
        return run(sourcePatientIds, regionalIds, "char(16)", BY_REGIONAL_ID);
    }

    private List<Long> run(Long[] sources, String[] persons, String personType, String join) {
        jdbc.sql("UPDATE match_review r SET status = 'LINKED', decided_person_id = p.id, decided_at = now()"
                        + " FROM unnest(?::bigint[], ?::" + personType + "[]) AS u(source, person)"
                        + " JOIN person p ON " + join
                        + " WHERE r.source_patient_id = u.source AND r.status = 'OPEN'")
                .params(sources, persons).update();
        return jdbc.sql("UPDATE person p SET family_kana = s.family_kana, given_kana = s.given_kana, updated_at = now()"
                        + " FROM unnest(?::bigint[], ?::" + personType + "[]) AS u(source, person)"
                        + " JOIN source_patient s ON s.id = u.source"
                        + " WHERE " + join + " AND p.given_kana = ''"
                        + " AND (p.family_kana = '' OR p.family_kana = s.family_kana || s.given_kana)"
                        + " AND coalesce(s.family_kana, '') <> '' AND coalesce(s.given_kana, '') <> ''"
                        + " RETURNING p.id")
                .params(sources, persons).query(Long.class).list();
    }
}
