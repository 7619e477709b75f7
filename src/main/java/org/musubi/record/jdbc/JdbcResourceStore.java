package org.musubi.record.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.Found;
import org.musubi.record.Outline;
import org.musubi.record.RecordQuery;
import org.musubi.record.ResourceLookup.ImportedStay;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.store.ResourceStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The record store in PostgreSQL: current versions (with their search keys and dates), and the earlier versions. */
@Repository
class JdbcResourceStore implements ResourceStore {

    private final JdbcClient jdbc;
    private final RecordSearchSql search;
    private final BatchWriteSql batchSql;
    private final ImportedStays stays;
    private final ReleasedRows releasedRows;
    private final Clock clock = Clock.systemUTC();
    /**
     * How often a write decides again after another writer changed its rows: the second decision is made on locked
     * rows and holds, unless the batch then changes rows it had not read as changing (rare); after the last, the write
     * fails rather than fork a version.
     */
    private static final int MOST_ATTEMPTS = 4;

    JdbcResourceStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.search = new RecordSearchSql(jdbc);
        this.batchSql = new BatchWriteSql(jdbc, dataSource);
        this.stays = new ImportedStays(jdbc);
        this.releasedRows = new ReleasedRows(jdbc);
    }

    /** Looks up every referred row in one query, decides in memory in order, then one statement per table. */
    @Override
    @Transactional
    public List<Written> write(List<ResourceWrite> writes, Long writerUserId) {
        return write((Long) null, writes, writerUserId);
    }

    @Override
    @Transactional
    public List<Written> writeOwn(long ownerFacility, List<ResourceWrite> writes, Long writerUserId) {
        return write(Long.valueOf(ownerFacility), writes, writerUserId);
    }

    /**
     * Reads the rows, decides in memory, locks the rows it changes and, when another writer changed one meanwhile,
     * decides again on what that writer left (the rows are then locked: the next decision holds).
     */
    private List<Written> write(Long owner, List<ResourceWrite> writes, Long writerUserId) {
        for (int attempt = 1; ; attempt++) {
            BatchWrite batch = new BatchWrite(owner);
            batchSql.lookUp(writes, batch);
            batch.requireWritable(writes);
            List<Written> written = new ArrayList<>(writes.size());
            for (ResourceWrite write : writes) {
                written.add(batch.apply(write));
            }
            if (batchSql.lockUnchanged(batch)) {
                batchSql.flush(batch, writerUserId, clock.instant());
                return written;
            }
            if (attempt == MOST_ATTEMPTS) {
                throw new IllegalStateException("the rows of a write kept changing under it");
            }
        }
    }

    @Override
    public Optional<ImportedStay> importedStay(long sourceFacility, long patientKey, LocalDate day) {
        return stays.on(sourceFacility, patientKey, day);
    }

    @Override
    public Map<String, Long> owners(Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(references);
        Map<String, Long> owners = new HashMap<>();
        jdbc.sql("SELECT r.type, r.id, r.source_facility FROM unnest(?::text[]) AS u(id) JOIN resource r ON r.id = u.id")
                .param(wanted.stream().map(r -> r.substring(r.indexOf('/') + 1)).distinct().toArray(String[]::new))
                .query(rs -> {
                    String reference = rs.getString("type") + "/" + rs.getString("id");
                    if (wanted.contains(reference)) {
                        owners.put(reference, rs.getLong("source_facility"));
                    }
                });
        return owners;
    }

    @Override
    @Transactional
    public boolean delete(String type, String id, Long writerUserId) {
        Optional<Long> patientKey = jdbc.sql("SELECT patient_key FROM resource WHERE id = ? AND type = ? AND NOT deleted")
                .params(id, type).query(Long.class).optional();
        return patientKey.isPresent() && batchSql.delete(List.of(new ResourceRef(patientKey.get(), type, id)),
                writerUserId, clock.instant()) > 0;
    }

    @Override
    @Transactional
    public int deleteAll(List<ResourceRef> refs, Long writerUserId) {
        if (refs.isEmpty()) {
            return 0;
        }
        return batchSql.delete(refs, writerUserId, clock.instant());
    }

    @Override
    public Map<Long, String> patientIds(long sourceFacility, Collection<Long> patientKeys) {
        Map<Long, String> ids = new HashMap<>();
        if (patientKeys.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                SELECT patient_key, id FROM resource WHERE patient_key = ANY(?) AND type = 'Patient' AND source_facility = ?
                  AND NOT deleted ORDER BY last_updated""")
                .params(patientKeys.toArray(Long[]::new), sourceFacility)
                .query(rs -> {
                    ids.putIfAbsent(rs.getLong(1), rs.getString(2));
                });
        return ids;
    }

    @Override
    public Optional<StoredResource> find(String type, String id) {
        return jdbc.sql("""
                SELECT patient_key, id, type, version, source_facility, category, last_updated, deleted, content::text AS json,
                  content_categories
                FROM resource WHERE id = ? AND type = ?""").params(id, type).query(JdbcResourceStore::stored).optional();
    }

    /**
     * {@inheritDoc} As {@code id = ANY(?)}: the lists are short (the directory entries a page refers to), so the hash
     * index's recheck against the list costs nothing, while the {@code JOIN unnest(ids)} form, once PostgreSQL had
     * switched the prepared statement to its generic plan, scanned the table ({@code bench/README.md}, issue 24).
     */
    @Override
    public List<StoredResource> findAll(List<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        Map<String, StoredResource> found = new HashMap<>();
        jdbc.sql("""
                SELECT r.patient_key, r.id, r.type, r.version, r.source_facility, r.category, r.last_updated, r.deleted,
                  r.content::text AS json, r.content_categories
                FROM resource r WHERE r.id = ANY(?::text[])""")
                .param(references.stream().map(r -> r.substring(r.indexOf('/') + 1)).distinct().toArray(String[]::new))
                .query(JdbcResourceStore::stored).list()
                .forEach(r -> found.put(r.type() + "/" + r.id(), r));
        return references.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<StoredResource> findByIdentifier(String type, long sourceFacility, String system, String value) {
        return jdbc.sql("""
                SELECT r.patient_key, r.id, r.type, r.version, r.source_facility, r.category, r.last_updated, r.deleted,
                  r.content::text AS json, r.content_categories
                FROM resource r
                WHERE r.search_keys @> ARRAY[?]::bigint[] AND r.type = ? AND r.source_facility = ? AND NOT r.deleted
                ORDER BY r.last_updated DESC LIMIT 1""")
                .params(SearchKeys.identifier(sourceFacility, type, system, value), type, sourceFacility)
                .query(JdbcResourceStore::stored).optional();
    }

    @Override
    public Optional<StoredResource> version(String type, String id, int version) {
        return history(type, id).stream().filter(r -> r.version() == version).findFirst();
    }

    @Override
    public List<StoredResource> history(String type, String id) {
        return jdbc.sql("""
                SELECT patient_key, id, type, version, source_facility, category, last_updated, deleted, content::text AS json,
                  content_categories
                FROM resource WHERE id = ? AND type = ?
                UNION ALL
                SELECT v.patient_key, v.id, v.type, v.version, r.source_facility, r.category, v.last_updated, v.deleted,
                  v.content::text, v.content_categories
                FROM resource_version v JOIN resource r ON r.patient_key = v.patient_key AND r.id = v.id
                WHERE v.id = ? AND v.type = ?
                ORDER BY version DESC""").params(id, type, id, type)
                .query(JdbcResourceStore::stored).list();
    }

    @Override
    public Found search(Set<Long> patientKeys, Set<DataItem> allowed, RecordQuery query) {
        return search.run(patientKeys, allowed, query);
    }

    @Override
    public List<Outline> outline(Set<Long> patientKeys, Set<DataItem> allowed) {
        if (patientKeys.isEmpty() || allowed.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(patientKeys.toArray(Long[]::new));
        params.addAll(AllowedRows.params(allowed));
        return jdbc.sql("SELECT r.patient_key, r.id, r.type, r.source_facility, r.category, r.clinical_date,"
                        + " r.content_categories FROM resource r WHERE r.patient_key = ANY(?) AND NOT r.deleted AND "
                        + AllowedRows.CONDITION + " ORDER BY r.clinical_date DESC NULLS LAST, r.id")
                .params(params)
                .query((rs, n) -> new Outline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        DataCategory.valueOf(rs.getString(5)),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), held(rs)))
                .list();
    }

    @Override
    public List<StoredResource> contents(Set<Long> patientKeys, Set<DataItem> allowed, Collection<String> ids) {
        if (patientKeys.isEmpty() || allowed.isEmpty() || ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(ids.stream().distinct().toArray(String[]::new));
        params.add(patientKeys.toArray(Long[]::new));
        params.addAll(AllowedRows.params(allowed));
        return jdbc.sql("SELECT r.patient_key, r.id, r.type, r.version, r.source_facility, r.category, r.last_updated,"
                        + " r.deleted, r.content::text AS json, r.content_categories"
                        + " FROM unnest(?::text[]) AS u(id) JOIN resource r ON r.id = u.id"
                        + " WHERE r.patient_key = ANY(?) AND NOT r.deleted AND " + AllowedRows.CONDITION
                        + " ORDER BY r.clinical_date DESC NULLS LAST, r.id")
                .params(params).query(JdbcResourceStore::stored).list();
    }

    @Override
    public List<ReleasedPerson> released(List<Long> personIds, Set<DataCategory> categories, Instant from, Instant to) {
        return releasedRows.read(personIds, categories, from, to);
    }

    static StoredResource stored(ResultSet rs, int n) throws SQLException {
        return new StoredResource(rs.getLong("patient_key"), rs.getString("id"), rs.getString("type"), rs.getInt("version"),
                rs.getLong("source_facility"), DataCategory.valueOf(rs.getString("category")),
                rs.getTimestamp("last_updated").toInstant(), rs.getBoolean("deleted"), rs.getString("json"), held(rs));
    }

    /** The row's {@code content_categories}: what a container holds besides its own category (none: NULL). */
    static Set<DataCategory> held(ResultSet rs) throws SQLException {
        Array array = rs.getArray("content_categories");
        if (array == null) {
            return Set.of();
        }
        Set<DataCategory> held = EnumSet.noneOf(DataCategory.class);
        for (Object name : (Object[]) array.getArray()) {
            held.add(DataCategory.valueOf((String) name));
        }
        return held;
    }
}
