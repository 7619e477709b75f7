package org.musubi.record.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.musubi.database.ArraySlices;
import org.musubi.database.TransactionLocks;
import org.musubi.policy.DataCategory;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;
import org.musubi.record.SearchIndex;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of a batched write: one query for the rows the writes refer to, then one
 * statement per table, whatever the batch's size: new rows (resources with their search keys and dates) by binary
 * {@code COPY}, changes with the rows passed as arrays and unnested (in slices of rows: {@link ArraySlices}).
 */
final class BatchWriteSql {

    private static final String COLUMNS = "patient_key, id, type, version, deleted, content_hash, source_facility, source_key,"
            + " content_categories";
    /**
     * The rows of these ids, one index probe an id: as {@code WHERE id = ANY(?)}, PostgreSQL would recheck each row
     * the hash index finds against the whole list (a chunk's thousands of ids, for every row found).
     */
    private static final String BY_ID = "SELECT r.patient_key, r.id, r.type, r.version, r.deleted, r.content_hash,"
            + " r.source_facility, r.source_key, r.content_categories"
            + " FROM unnest(?::text[]) AS u(id) JOIN resource r ON r.id = u.id";
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ResearchCodeRows researchCodes;

    /** {@code dataSource}: the one {@code jdbc} uses, whose transaction the rows are copied in. */
    BatchWriteSql(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.researchCodes = new ResearchCodeRows(jdbc);
    }

    /** The stored rows the writes refer to (by id, or by source key when they have no id), into {@code batch}. */
    void lookUp(List<ResourceWrite> writes, BatchWrite batch) {
        List<ResourceWrite> byId = writes.stream().filter(w -> w.id() != null).toList();
        List<ResourceWrite> bySource = writes.stream().filter(w -> w.id() == null && w.sourceKey() != null).toList();
        if (!byId.isEmpty()) {
            jdbc.sql(BY_ID)
                    .param(byId.stream().map(ResourceWrite::id).distinct().toArray(String[]::new))
                    .query(rs -> {
                        known(rs, batch);
                    });
        }
        if (!bySource.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM resource WHERE (patient_key, source_facility, type, source_key) IN"
                            + " (SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]))")
                    .params(array(bySource, ResourceWrite::patientKey, Long[]::new),
                            array(bySource, ResourceWrite::sourceFacilityId, Long[]::new),
                            array(bySource, ResourceWrite::type, String[]::new),
                            array(bySource, ResourceWrite::sourceKey, String[]::new))
                    .query(rs -> {
                        known(rs, batch);
                    });
        }
    }

    private static void known(ResultSet rs, BatchWrite batch) throws SQLException {
        BatchWrite.State state = new BatchWrite.State(rs.getLong("patient_key"), rs.getString("id"), rs.getString("type"),
                rs.getInt("version"), rs.getBoolean("deleted"), rs.getBytes("content_hash"), rs.getLong("source_facility"));
        state.held = JdbcResourceStore.held(rs);
        batch.known(state, rs.getString("source_key"));
    }

    /**
     * Locks the rows the batch changes, in one order (patient key, then id: two writers never wait for each other in a
     * circle), and tells whether each still has the version the batch read: when another writer changed one meanwhile,
     * the batch's decisions are stale and must be made again (the rows now stay as they are until this transaction
     * ends). What keeps a resource's versions from forking: every update of a row is decided on the version it
     * replaces.
     */
    boolean lockUnchanged(BatchWrite batch) {
        List<BatchWrite.State> updated = batch.toLock().stream()
                .sorted(java.util.Comparator.comparingLong((BatchWrite.State s) -> s.patientKey).thenComparing(s -> s.id))
                .toList();
        if (!noneCreatedMeanwhile(batch.chosenNew())) {
            return false;
        }
        if (updated.isEmpty()) {
            return true;
        }
        Map<String, Integer> read = new HashMap<>();
        updated.forEach(s -> read.put(s.patientKey + "/" + s.id, s.readVersion));
        Map<String, Integer> now = new HashMap<>();
        for (List<BatchWrite.State> slice : ArraySlices.of(updated, s -> 60)) {
            jdbc.sql("""
                    SELECT r.patient_key, r.id, r.version FROM resource r
                    JOIN unnest(?::bigint[], ?::text[]) AS u(k, i) ON r.patient_key = u.k AND r.id = u.i
                    ORDER BY r.patient_key, r.id COLLATE "C" FOR UPDATE OF r""")
                    .params(array(slice, s -> s.patientKey, Long[]::new), array(slice, s -> s.id, String[]::new))
                    .query(rs -> {
                        now.put(rs.getLong(1) + "/" + rs.getString(2), rs.getInt(3));
                    });
        }
        return read.equals(now);
    }

    /** The most creates under chosen ids one batch locks (a person's entry, a transaction; not an import's batch). */
    static final int MOST_LOCKED_CREATES = 32;

    /**
     * Two writers creating a resource under the same chosen id (two staff saving a person's first sheet, a retried
     * PUT on another node) would otherwise both insert it and one fail on the key: holds, until the transaction
     * ends, a lock of each such id (one order: the lock keys'), then answers whether none of them exists by now (else
     * the batch decides again, on the row the other writer stored).
     */
    private boolean noneCreatedMeanwhile(List<String> ids) {
        if (ids.isEmpty() || ids.size() > MOST_LOCKED_CREATES) {
            // a batch creating more is an import's: its source is imported by one node at a time (ImportQueue's lock),
            // under ids of its own, and a lock per id would outgrow PostgreSQL's lock table (max_locks_per_transaction)
            return true;
        }
        Long[] keys = ids.stream().map(id -> TransactionLocks.key(List.of("resource id", id))).distinct().sorted()
                .toArray(Long[]::new);
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS u(k)) AS locked")
                .param(keys).query(Long.class).single();
        return jdbc.sql("SELECT count(*) FROM resource WHERE id = ANY(?::text[])").param(ids.toArray(String[]::new))
                .query(Long.class).single() == 0;
    }

    /**
     * Stores the batch: the versions it replaces moved to the history first, then new rows, changed rows,
     * the versions the batch made and replaced itself, and the cohort count's codes of each changed resource
     * ({@link ResearchCodeRows}).
     */
    void flush(BatchWrite batch, Long writer, Instant when) {
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        List<BatchWrite.State> created = batch.changed().stream().filter(s -> !s.stored).toList();
        List<BatchWrite.State> updated = batch.changed().stream().filter(s -> s.stored).toList();
        String at = now.toString();
        if (!updated.isEmpty()) {
            toHistory(array(updated, s -> s.patientKey, Long[]::new), array(updated, s -> s.id, String[]::new), false);
        }
        if (!created.isEmpty()) {
            CopyRows rows = new CopyRows("resource (patient_key, id, type, version, source_facility, source_key, category,"
                    + " last_updated, clinical_date, content_hash, content, written_by, search_keys, date_low, date_high,"
                    + " content_categories)", 16);
            for (BatchWrite.State s : created) {
                rows.row().bigint(s.patientKey).text(s.id).text(s.type).integer(s.version).bigint(s.last.sourceFacilityId())
                        .text(s.last.sourceKey()).text(s.last.category().name()).timestamp(now)
                        .timestamp(clinicalInstant(s)).bytes(s.hash).bytes(s.content).bigint(writer).bigints(keys(s))
                        .timestamps(dates(s, SearchIndex.DateRange::low)).timestamps(dates(s, SearchIndex.DateRange::high))
                        .texts(held(s.last.held()));
            }
            rows.copy(dataSource);
        }
        for (List<BatchWrite.State> slice : ArraySlices.of(updated, s -> 200 + ArraySlices.text(s.last.json()))) {
            update(slice, writer, at);
        }
        versions(batch.versions(), writer, at);
        researchCodes.written(refs(batch.changed()), refs(updated));
    }

    private static List<ResourceRef> refs(List<BatchWrite.State> states) {
        return states.stream().map(s -> new ResourceRef(s.patientKey, s.type, s.id)).toList();
    }

    /** Replaces the rows of resources stored before by their new versions. */
    private void update(List<BatchWrite.State> updated, Long writer, String at) {
        jdbc.sql("""
                UPDATE resource r SET version = u.v, category = u.c, last_updated = ?::timestamptz,
                  clinical_date = u.d::timestamptz, deleted = false, content_hash = decode(u.h, 'hex'),
                  content = u.j, source_key = coalesce(u.s, r.source_key), written_by = ?, search_keys = u.sk::bigint[],
                  date_low = u.dl::timestamptz[], date_high = u.dh::timestamptz[], content_categories = u.cc::text[]
                FROM unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::text[], ?::text[], ?::text[]) AS u(k, i, v, c, d, h, j, s, sk, dl, dh, cc)
                WHERE r.patient_key = u.k AND r.id = u.i""")
                .params(at, writer, array(updated, s -> s.patientKey, Long[]::new), array(updated, s -> s.id, String[]::new),
                        array(updated, s -> s.version, Integer[]::new),
                        array(updated, s -> s.last.category().name(), String[]::new),
                        array(updated, BatchWriteSql::clinicalDate, String[]::new),
                        array(updated, s -> HexFormat.of().formatHex(s.hash), String[]::new),
                        array(updated, s -> s.last.json(), String[]::new),
                        array(updated, s -> s.last.sourceKey(), String[]::new),
                        array(updated, s -> literal(keys(s)), String[]::new),
                        array(updated, s -> literal(dates(s, SearchIndex.DateRange::low)), String[]::new),
                        array(updated, s -> literal(dates(s, SearchIndex.DateRange::high)), String[]::new),
                        array(updated, s -> heldLiteral(s.last.held()), String[]::new)).update();
    }

    /**
     * The versions the batch made and then replaced itself (a resource written twice in one batch): to the
     * history directly. The last version of each resource is its row in {@code resource}.
     */
    private void versions(List<BatchWrite.Version> made, Long writer, String at) {
        Map<String, Integer> last = new HashMap<>();
        made.forEach(v -> last.merge(v.id(), v.version(), Math::max));
        List<BatchWrite.Version> versions = made.stream().filter(v -> v.version() < last.get(v.id())).toList();
        for (List<BatchWrite.Version> slice : ArraySlices.of(versions, v -> 100 + ArraySlices.text(v.json()))) {
            insertVersions(slice, writer, at);
        }
    }

    private void insertVersions(List<BatchWrite.Version> versions, Long writer, String at) {
        jdbc.sql("""
                INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, written_by, content,
                  content_categories)
                SELECT k, i, v, t, ?::timestamptz, false, ?, j, cc::text[]
                FROM unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[]) AS u(k, i, v, t, j, cc)""")
                .params(at, writer, array(versions, BatchWrite.Version::patientKey, Long[]::new),
                        array(versions, BatchWrite.Version::id, String[]::new),
                        array(versions, BatchWrite.Version::version, Integer[]::new),
                        array(versions, BatchWrite.Version::type, String[]::new),
                        array(versions, BatchWrite.Version::json, String[]::new),
                        array(versions, v -> heldLiteral(v.held()), String[]::new)).update();
    }

    /** Marks the live ones of {@code refs} deleted as a new version each, no longer found by a search; returns how many. */
    int delete(List<ResourceRef> refs, Long writer, Instant now) {
        Object keys = array(refs, ResourceRef::patientKey, Long[]::new);
        Object ids = array(refs, ResourceRef::id, String[]::new);
        String at = now.toString();
        // the rows stay as they are from here (locked in the order every writer locks them): the version copied to
        // the history is the one the delete replaces
        jdbc.sql("""
                SELECT r.id FROM resource r JOIN (SELECT DISTINCT * FROM unnest(?::bigint[], ?::text[])) AS u(k, i)
                  ON r.patient_key = u.k AND r.id = u.i ORDER BY r.patient_key, r.id COLLATE "C" FOR UPDATE OF r""")
                .params(keys, ids).query(String.class).list();
        toHistory(keys, ids, true);
        int deleted = jdbc.sql("""
                UPDATE resource r SET version = r.version + 1, deleted = true, last_updated = ?::timestamptz, written_by = ?,
                  search_keys = '{}', date_low = '{}', date_high = '{}'
                FROM unnest(?::bigint[], ?::text[]) AS u(k, i)
                WHERE r.patient_key = u.k AND r.id = u.i AND NOT r.deleted""")
                .params(at, writer, keys, ids).update();
        researchCodes.deleted(refs);
        return deleted;
    }

    /**
     * Copies the current versions of the given resources (only the live ones when {@code liveOnly}) into the
     * history, before they are replaced: the deleted version keeps the content it had, as before.
     */
    private void toHistory(Object keys, Object ids, boolean liveOnly) {
        jdbc.sql("""
                INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, written_by, content,
                  content_categories)
                SELECT r.patient_key, r.id, r.version, r.type, r.last_updated, r.deleted, r.written_by, r.content,
                  r.content_categories
                FROM resource r JOIN (SELECT DISTINCT * FROM unnest(?::bigint[], ?::text[])) AS u(k, i) ON r.patient_key = u.k AND r.id = u.i
                WHERE NOT (? AND r.deleted)""").params(keys, ids, liveOnly).update();
    }

    /** The search keys of the resource's tokens ({@link SearchKeys}). */
    private static long[] keys(BatchWrite.State state) {
        return SearchKeys.of(state.patientKey, state.last.sourceFacilityId(), state.type, state.last.index().tokens());
    }

    /** One end of each of the resource's date ranges, in order ({@code null} where that end is open). */
    private static List<Instant> dates(BatchWrite.State state, Function<SearchIndex.DateRange, Instant> end) {
        List<Instant> values = new ArrayList<>();
        for (SearchIndex.DateRange range : state.last.index().dates()) {
            if (range.param().equals("date")) {
                values.add(micros(end.apply(range)));
            }
        }
        return values;
    }

    /** The categories a container holds besides its own, as stored: NULL (not an empty array) for other resources. */
    private static List<String> held(Set<DataCategory> held) {
        return held.isEmpty() ? null : held.stream().sorted().map(Enum::name).toList();
    }

    /** {@link #held} as an array literal, e.g. {@code {LAB_RESULTS,VITALS}} (category names need no quoting). */
    private static String heldLiteral(Set<DataCategory> categories) {
        List<String> names = held(categories);
        return names == null ? null : "{" + String.join(",", names) + "}";
    }

    /** An array literal of keys, e.g. {@code {1,-2}}. */
    private static String literal(long[] keys) {
        StringBuilder text = new StringBuilder("{");
        for (long key : keys) {
            text.append(text.length() > 1 ? "," : "").append(key);
        }
        return text.append('}').toString();
    }

    /** An array literal of instants, e.g. {@code {"2024-04-01T00:00:00Z",NULL}}. */
    private static String literal(List<Instant> instants) {
        return instants.stream().map(i -> i == null ? "NULL" : "\"" + i + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The clinical date: the low end of the first date range, else its high end. */
    private static Instant clinicalInstant(BatchWrite.State state) {
        return micros(state.last.index().dates().stream().filter(d -> d.param().equals("date"))
                .map(d -> d.low() != null ? d.low() : d.high()).filter(Objects::nonNull)
                .findFirst().orElse(null));
    }

    private static String clinicalDate(BatchWrite.State state) {
        Instant date = clinicalInstant(state);
        return date == null ? null : date.toString();
    }

    /** An instant as PostgreSQL keeps it: to the microsecond. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static <T, V> V[] array(List<T> rows, Function<T, V> value, IntFunction<V[]> make) {
        return rows.stream().map(value).toArray(make);
    }
}
