package org.musubi.record.jdbc;

import java.util.List;
import java.util.Set;
import org.musubi.record.ResourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cohort count's narrow index of the record ({@code research_code}, V81): one row per code prefix of each live
 * Condition and medication, with its source patient and clinical date, written in the transaction of the write that
 * changed the resource. The prefixes are those of {@code research_codes(content)} (V77), computed by PostgreSQL from the
 * row just stored, so the write path, V81's backfill and any rebuild extract codes the one same way.
 */
final class ResearchCodeRows {

    /** The types whose codes a cohort counts: Conditions (ICD-10) and medications (YJ, HOT). */
    static final Set<String> TYPES = Set.of("Condition", "MedicationRequest", "MedicationStatement", "MedicationDispense");

    private static final String REMOVE = """
            DELETE FROM research_code c USING (SELECT DISTINCT * FROM unnest(?::bigint[], ?::text[])) AS u(k, i)
            WHERE c.patient_key = u.k AND c.resource_id = u.i""";
    private static final String ADD = """
            INSERT INTO research_code (patient_key, resource_id, code_prefix, clinical_date)
            SELECT r.patient_key, r.id, c.prefix, r.clinical_date
            FROM unnest(?::bigint[], ?::text[]) AS u(k, i) JOIN resource r ON r.patient_key = u.k AND r.id = u.i
            CROSS JOIN LATERAL unnest(research_codes(r.content)) AS c(prefix)
            WHERE NOT r.deleted""";

    private final JdbcClient jdbc;

    ResearchCodeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * After the rows of {@code written} were stored: each one's rows as its stored content gives them. {@code replaced}:
     * those that had rows stored before (the others are new resources, which have none).
     */
    void written(List<ResourceRef> written, List<ResourceRef> replaced) {
        List<ResourceRef> counted = counted(written);
        if (counted.isEmpty()) {
            return;
        }
        remove(counted(replaced));
        jdbc.sql(ADD).params(keys(counted), ids(counted)).update();
    }

    /** After {@code refs} were marked deleted: their rows removed. */
    void deleted(List<ResourceRef> refs) {
        remove(counted(refs));
    }

    private void remove(List<ResourceRef> refs) {
        if (!refs.isEmpty()) {
            jdbc.sql(REMOVE).params(keys(refs), ids(refs)).update();
        }
    }

    private static List<ResourceRef> counted(List<ResourceRef> refs) {
        return refs.stream().filter(r -> TYPES.contains(r.type())).toList();
    }

    private static Long[] keys(List<ResourceRef> refs) {
        return refs.stream().map(ResourceRef::patientKey).toArray(Long[]::new);
    }

    private static String[] ids(List<ResourceRef> refs) {
        return refs.stream().map(ResourceRef::id).toArray(String[]::new);
    }
}
