package org.musubi.record.jdbc;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.musubi.record.ResourceLookup.ImportedStay;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link org.musubi.record.ResourceLookup#importedStay}: a source patient's inpatient Encounters the facility's imports
 * stored (a handful per patient, read by the patient's key), the one the patient was in on a day picked here. A
 * period's start and end are compared as the days they were written in (the import writes Japan time).
 */
final class ImportedStays {

    private static final String SQL = """
            SELECT source_key, content::jsonb->'period'->>'start' AS start, content::jsonb->'period'->>'end' AS ending
            FROM resource
            WHERE patient_key = ? AND type = 'Encounter' AND source_facility = ? AND NOT deleted AND source_key IS NOT NULL
              AND content::jsonb->'class'->>'code' = 'IMP'
              AND coalesce(content::jsonb->>'status', '') NOT IN ('planned', 'cancelled', 'entered-in-error')
              AND content::jsonb->'period'->>'start' IS NOT NULL""";

    private final JdbcClient jdbc;

    ImportedStays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ImportedStay> on(long sourceFacility, long patientKey, LocalDate day) {
        String date = day.toString();
        return jdbc.sql(SQL).params(patientKey, sourceFacility)
                .query((rs, n) -> new Row(rs.getString("source_key"), rs.getString("start"), rs.getString("ending")))
                .list().stream()
                .filter(r -> day(r.start()).compareTo(date) <= 0 && (r.end() == null || day(r.end()).compareTo(date) >= 0))
                .max(Comparator.comparing(Row::start))
                .map(r -> new ImportedStay(r.sourceKey(), r.start()));
    }

    /** The day a FHIR date or dateTime was written in ({@code YYYY-MM-DD}); a year or month alone compares as its first day. */
    private static String day(String dateTime) {
        return dateTime.length() >= 10 ? dateTime.substring(0, 10) : (dateTime + "-01-01").substring(0, 10);
    }

    private record Row(String sourceKey, String start, String end) {
    }
}
