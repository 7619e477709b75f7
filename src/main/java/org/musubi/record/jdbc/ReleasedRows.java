package org.musubi.record.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.store.ResourceStore.ReleasedPerson;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of a research release (issue 48), a chunk of persons at a time in two statements: the persons (birth date,
 * sex, registered address; merged ones left out), then their resources through {@code person_link} — a person merged
 * into one of them brings its source patients along, as the cohort count counts them — of the released categories
 * (containers only when every category they hold is released) and period, the ids of their Patient resources
 * (without content: the release makes its own minimal Patient and needs the ids only to point the references to it) and
 * their source patients' local IDs (for the conditional references {@code Patient?identifier=…|<local id>}).
 */
final class ReleasedRows {

    /**
     * The chunk's persons ({@code pid}) with every person whose links count as theirs ({@code lid}): themselves and the
     * persons merged into them (V78's partial index {@code person_merged_into}). Parameters: the ids, twice.
     */
    private static final String MEMBERS = "WITH m AS (SELECT u.id AS pid, u.id AS lid FROM unnest(?::bigint[]) AS u(id)"
            + " UNION ALL SELECT p.merged_into, p.id FROM person p WHERE p.merged_into = ANY(?::bigint[])"
            + " AND p.merged_into IS NOT NULL) ";

    private final JdbcClient jdbc;

    ReleasedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReleasedPerson> read(List<Long> personIds, Set<DataCategory> categories, Instant from, Instant to) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = personIds.toArray(Long[]::new);
        record Demographics(long id, java.time.LocalDate born, String sex, String address) {
        }
        List<Demographics> persons = jdbc.sql("SELECT p.id, p.birth_date, p.sex, p.address"
                        + " FROM unnest(?::bigint[]) WITH ORDINALITY AS u(id, n) JOIN person p ON p.id = u.id"
                        + " WHERE p.status <> 'MERGED' ORDER BY u.n")
                .param(ids)
                .query((rs, n) -> new Demographics(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getString(3), rs.getString(4)))
                .list();
        String[] released = categories.stream().map(Enum::name).toArray(String[]::new);
        List<Object> params = new ArrayList<>(List.of(ids, ids, released, released));
        StringBuilder period = new StringBuilder();
        if (from != null) {
            period.append(" AND r.clinical_date >= ?");
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            period.append(" AND r.clinical_date < ?");
            params.add(java.sql.Timestamp.from(to));
        }
        Map<Long, List<String>> patientIds = new HashMap<>();
        Map<Long, List<StoredResource>> resources = new HashMap<>();
        jdbc.sql(MEMBERS + "SELECT m.pid, r.patient_key, r.id, r.type, r.version,"
                        + " r.source_facility, r.category, r.last_updated, r.deleted,"
                        + " CASE WHEN r.type = 'Patient' THEN NULL ELSE r.content::text END AS json, r.content_categories"
                        + " FROM m JOIN person_link pl ON pl.person_id = m.lid"
                        + " JOIN resource r ON r.patient_key = pl.source_patient_id WHERE NOT r.deleted"
                        + " AND (r.type = 'Patient' OR (r.category = ANY(?::text[]) AND (r.content_categories IS NULL"
                        + " OR r.content_categories <@ ?::text[])" + period + "))"
                        + " ORDER BY m.pid, r.clinical_date NULLS LAST, r.id")
                .params(params)
                .query(rs -> {
                    long pid = rs.getLong("pid");
                    if ("Patient".equals(rs.getString("type"))) {
                        patientIds.computeIfAbsent(pid, k -> new ArrayList<>()).add(rs.getString("id"));
                    } else {
                        resources.computeIfAbsent(pid, k -> new ArrayList<>()).add(JdbcResourceStore.stored(rs, 0));
                    }
                });
        Map<Long, List<String>> localIds = new HashMap<>();
        jdbc.sql(MEMBERS + "SELECT m.pid, sp.local_id FROM m JOIN person_link pl ON pl.person_id = m.lid"
                        + " JOIN source_patient sp ON sp.id = pl.source_patient_id")
                .params(ids, ids)
                .query(rs -> {
                    localIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, ReleasedPerson> out = new LinkedHashMap<>();
        for (Demographics p : persons) {
            out.put(p.id(), new ReleasedPerson(p.id(), p.born(), p.sex(), p.address(),
                    patientIds.getOrDefault(p.id(), List.of()), localIds.getOrDefault(p.id(), List.of()),
                    resources.getOrDefault(p.id(), List.of())));
        }
        return List.copyOf(out.values());
    }
}
