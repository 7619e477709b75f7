package org.musubi.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.record.SearchIndex;
import org.musubi.record.jdbc.SearchKeys;
import org.postgresql.PGConnection;

/**
 * Rows of the record table (resource, with its search keys and dates) in COPY text format, as the record
 * store writes them for version 1 of each resource (which has no earlier version in resource_version);
 * sent by {@link #copyTo} in one COPY.
 */
final class RecordCopy {

    private final StringBuilder resources = new StringBuilder(1 << 20);
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
        List<SearchIndex.Token> tokens = row.index().tokens().stream().map(t -> new SearchIndex.Token(t.param(), t.system(),
                t.code().replace(RecordTemplate.LOCAL_ID, localId))).toList();
        StringBuilder keys = new StringBuilder("{");
        for (long key : SearchKeys.of(patientKey, facility, row.type(), tokens)) {
            keys.append(keys.length() > 1 ? "," : "").append(key);
        }
        resources.append(patientKey).append('\t').append(id).append('\t').append(row.type()).append("\t1\t")
                .append(facility).append('\t').append(sourceKey == null ? "\\N" : sourceKey).append('\t')
                .append(row.category()).append('\t').append(now).append('\t').append(clinical).append("\tf\t\\\\x")
                .append(hash).append('\t').append(content).append('\t').append(keys).append("}\t")
                .append(dates(row, SearchIndex.DateRange::low)).append('\t').append(dates(row, SearchIndex.DateRange::high))
                .append('\n');
        count++;
    }

    int count() {
        return count;
    }

    void copyTo(Connection connection) throws Exception {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY resource (patient_key, id, type, version,"
                + " source_facility, source_key, category, last_updated, clinical_date, deleted, content_hash, content,"
                + " search_keys, date_low, date_high) FROM STDIN", new StringReader(resources.toString()));
    }

    /** One end of each of the row's date ranges as an array literal. */
    private static String dates(RecordTemplate.Row row, Function<SearchIndex.DateRange, Instant> end) {
        return row.index().dates().stream().map(d -> end.apply(d) == null ? "NULL" : "\"" + end.apply(d) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
