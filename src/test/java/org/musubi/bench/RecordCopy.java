package org.musubi.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import org.musubi.record.SearchIndex;
import org.postgresql.PGConnection;

/**
 * Rows of the record tables (resource, resource_token, resource_date) in COPY text format, as the
 * record store writes them for version 1 of each resource (which has no earlier version in
 * resource_version); sent by {@link #copyTo} in one COPY per table.
 */
final class RecordCopy {

    private final StringBuilder resources = new StringBuilder(1 << 20);
    private final StringBuilder tokens = new StringBuilder(1 << 18);
    private final StringBuilder dates = new StringBuilder(1 << 16);
    private final String now = Instant.now().toString();
    private final MessageDigest sha256;
    private int count;

    RecordCopy() throws Exception {
        this.sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** One template row under {@code patientKey}, with the copy's id prefix and local patient id. */
    void add(long patientKey, long facility, RecordTemplate.Row row, String idPrefix, String localId, String sourceKey) {
        String id = idPrefix + row.idSuffix();
        String json = row.json().replace(RecordTemplate.ID_PREFIX, idPrefix).replace(RecordTemplate.LOCAL_ID, localId);
        String hash = HexFormat.of().formatHex(sha256.digest(json.getBytes(StandardCharsets.UTF_8)));
        String content = json.replace("\\", "\\\\");
        String clinical = row.clinicalDate() == null ? "\\N" : row.clinicalDate().toInstant().toString();
        resources.append(patientKey).append('\t').append(id).append('\t').append(row.type()).append("\t1\t")
                .append(facility).append('\t').append(sourceKey == null ? "\\N" : sourceKey).append('\t')
                .append(row.category()).append('\t').append(now).append('\t').append(clinical).append("\tf\t\\\\x")
                .append(hash).append('\t').append(content).append('\n');
        for (SearchIndex.Token t : row.index().tokens()) {
            tokens.append(patientKey).append('\t').append(id).append('\t').append(row.type()).append('\t').append(t.param())
                    .append('\t').append(PersonCopy.nullable(t.system())).append('\t')
                    .append(PersonCopy.nullable(t.code().replace(RecordTemplate.LOCAL_ID, localId))).append('\n');
        }
        for (SearchIndex.DateRange d : row.index().dates()) {
            dates.append(patientKey).append('\t').append(id).append('\t').append(row.type()).append('\t').append(d.param())
                    .append('\t').append(instant(d.low())).append('\t').append(instant(d.high())).append('\n');
        }
        count++;
    }

    int count() {
        return count;
    }

    void copyTo(Connection connection) throws Exception {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY resource (patient_key, id, type, version, source_facility, source_key, category, last_updated,"
                + " clinical_date, deleted, content_hash, content) FROM STDIN", new StringReader(resources.toString()));
        copy.copyIn("COPY resource_token (patient_key, id, type, param, system, code) FROM STDIN",
                new StringReader(tokens.toString()));
        copy.copyIn("COPY resource_date (patient_key, id, type, param, low, high) FROM STDIN",
                new StringReader(dates.toString()));
    }

    private static String instant(Instant instant) {
        return instant == null ? "\\N" : instant.toString();
    }
}
