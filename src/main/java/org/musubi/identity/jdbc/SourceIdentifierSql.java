package org.musubi.identity.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identifiers that name a facility's source patients besides their local IDs (table source_patient_identifier,
 * migration V23): a local ID names its source patient first, a recorded identifier after it.
 */
final class SourceIdentifierSql {

    private final JdbcClient jdbc;

    SourceIdentifierSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<SourceIdentifier, SourcePatient> named(long facilityId, Collection<SourceIdentifier> identifiers) {
        Map<SourceIdentifier, SourcePatient> named = new LinkedHashMap<>();
        if (identifiers.isEmpty()) {
            return named;
        }
        String[] locals = identifiers.stream().filter(SourceIdentifier::isLocal).map(SourceIdentifier::value)
                .toArray(String[]::new);
        jdbc.sql("""
                SELECT 0 AS named_rank, '' AS named_system, s.local_id AS named_value, s.*
                FROM source_patient s WHERE s.facility_id = ? AND s.local_id = ANY(?::text[])
                UNION ALL
                SELECT 1, i.system, i.value, s.*
                FROM source_patient_identifier i JOIN source_patient s ON s.id = i.source_patient_id
                WHERE i.facility_id = ? AND (i.system, i.value) IN (SELECT * FROM unnest(?::text[], ?::text[]))
                ORDER BY 1""")
                .params(facilityId, locals, facilityId, Columns.texts(identifiers, SourceIdentifier::system),
                        Columns.texts(identifiers, SourceIdentifier::value))
                .query(rs -> {
                    named.putIfAbsent(new SourceIdentifier(rs.getString("named_system"), rs.getString("named_value")),
                            JdbcIdentityStore.sourcePatient(rs, 0));
                });
        return named;
    }

    Map<Long, List<SourceIdentifier>> identifiersOf(Collection<Long> sourcePatientIds) {
        Map<Long, List<SourceIdentifier>> recorded = new LinkedHashMap<>();
        if (sourcePatientIds.isEmpty()) {
            return recorded;
        }
        jdbc.sql("""
                SELECT source_patient_id, system, value FROM source_patient_identifier WHERE source_patient_id = ANY(?)
                ORDER BY recorded_at, system, value""")
                .param(sourcePatientIds.toArray(Long[]::new))
                .query(rs -> {
                    recorded.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new SourceIdentifier(rs.getString(2), rs.getString(3)));
                });
        return recorded;
    }

    void record(long sourcePatientId, Collection<SourceIdentifier> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO source_patient_identifier (facility_id, system, value, source_patient_id)
                SELECT s.facility_id, u.system, u.value, s.id
                FROM source_patient s, unnest(?::text[], ?::text[]) AS u (system, value) WHERE s.id = ?
                ON CONFLICT DO NOTHING""")
                .params(Columns.texts(identifiers, SourceIdentifier::system),
                        Columns.texts(identifiers, SourceIdentifier::value), sourcePatientId)
                .update();
    }
}
