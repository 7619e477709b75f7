package org.musubi.record.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.RecordQuery;
import org.musubi.record.ResourceStore;
import org.musubi.record.ResourceWrite;
import org.musubi.record.SearchIndex;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The record store in PostgreSQL: current versions, every version, and the extracted search index. */
@Repository
class JdbcResourceStore implements ResourceStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RecordSearchSql search;
    private final Clock clock = Clock.systemUTC();

    JdbcResourceStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.search = new RecordSearchSql(jdbc);
    }

    @Override
    @Transactional
    public List<Written> write(List<ResourceWrite> writes, Long writerUserId) {
        List<Written> written = new ArrayList<>(writes.size());
        for (ResourceWrite write : writes) {
            written.add(writeOne(write, writerUserId));
        }
        return written;
    }

    private Written writeOne(ResourceWrite write, Long writer) {
        Optional<Current> existing = write.id() != null ? current("id = ?", write.id())
                : write.sourceKey() == null ? Optional.empty()
                : current("patient_key = ? AND source_facility = ? AND type = ? AND source_key = ?",
                        write.patientKey(), write.sourceFacilityId(), write.type(), write.sourceKey());
        byte[] hash = sha256(write.json());
        Instant now = clock.instant();
        if (existing.isPresent()) {
            Current c = existing.get();
            if (c.patientKey() != write.patientKey() || !c.type().equals(write.type())) {
                throw new IllegalArgumentException("resource " + c.type() + "/" + c.id() + " belongs to another patient or type");
            }
            if (!c.deleted() && Arrays.equals(c.hash(), hash)) {
                return new Written(c.type(), c.id(), c.version(), Written.Change.UNCHANGED);
            }
            int version = c.version() + 1;
            jdbc.sql("""
                    UPDATE resource SET version = ?, category = ?, last_updated = ?, clinical_date = ?, deleted = false,
                      content_hash = ?, content = ?::jsonb, source_key = coalesce(?, source_key)
                    WHERE patient_key = ? AND id = ?""")
                    .params(version, write.category().name(), Timestamp.from(now), clinicalDate(write.index()), hash,
                            write.json(), write.sourceKey(), c.patientKey(), c.id()).update();
            versionRow(write, c.id(), version, now, false, writer);
            index(write.patientKey(), c.id(), write.type(), write.index(), true);
            return new Written(write.type(), c.id(), version, Written.Change.UPDATED);
        }
        String id = write.id() != null ? write.id() : UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO resource (patient_key, id, type, version, source_facility, source_key, category, last_updated,
                  clinical_date, content_hash, content) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(write.patientKey(), id, write.type(), write.sourceFacilityId(), write.sourceKey(),
                        write.category().name(), Timestamp.from(now), clinicalDate(write.index()), hash, write.json())
                .update();
        versionRow(write, id, 1, now, false, writer);
        index(write.patientKey(), id, write.type(), write.index(), false);
        return new Written(write.type(), id, 1, Written.Change.CREATED);
    }

    @Override
    @Transactional
    public boolean delete(String type, String id, Long writerUserId) {
        Optional<StoredResource> live = find(type, id).filter(r -> !r.deleted());
        if (live.isEmpty()) {
            return false;
        }
        StoredResource r = live.get();
        Instant now = clock.instant();
        jdbc.sql("UPDATE resource SET version = version + 1, deleted = true, last_updated = ? WHERE patient_key = ? AND id = ?")
                .params(Timestamp.from(now), r.patientKey(), id).update();
        jdbc.sql("""
                INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, written_by, content)
                VALUES (?, ?, ?, ?, ?, true, ?, ?::jsonb)""")
                .params(r.patientKey(), id, r.version() + 1, type, Timestamp.from(now), writerUserId, r.json()).update();
        index(r.patientKey(), id, type, new SearchIndex(List.of(), List.of()), true);
        return true;
    }

    @Override
    public Optional<StoredResource> find(String type, String id) {
        return jdbc.sql("""
                SELECT patient_key, id, type, version, source_facility, category, last_updated, deleted, content::text AS json
                FROM resource WHERE id = ? AND type = ?""").params(id, type).query(JdbcResourceStore::stored).optional();
    }

    @Override
    public Optional<StoredResource> findByIdentifier(String type, long sourceFacility, String system, String value) {
        return jdbc.sql("""
                SELECT r.patient_key, r.id, r.type, r.version, r.source_facility, r.category, r.last_updated, r.deleted,
                  r.content::text AS json
                FROM resource_token t JOIN resource r ON r.patient_key = t.patient_key AND r.id = t.id
                WHERE t.param = 'identifier' AND t.code = ? AND (? IS NULL OR t.system = ?) AND t.type = ?
                  AND r.source_facility = ? AND NOT r.deleted
                ORDER BY r.last_updated DESC LIMIT 1""").params(value, system, system, type, sourceFacility)
                .query(JdbcResourceStore::stored).optional();
    }

    @Override
    public Optional<StoredResource> version(String type, String id, int version) {
        return history(type, id).stream().filter(r -> r.version() == version).findFirst();
    }

    @Override
    public List<StoredResource> history(String type, String id) {
        return jdbc.sql("""
                SELECT v.patient_key, v.id, v.type, v.version, r.source_facility, r.category, v.last_updated, v.deleted,
                  v.content::text AS json
                FROM resource_version v JOIN resource r ON r.patient_key = v.patient_key AND r.id = v.id
                WHERE v.id = ? AND v.type = ? ORDER BY v.version DESC""").params(id, type)
                .query(JdbcResourceStore::stored).list();
    }

    @Override
    public Found search(Set<Long> patientKeys, Set<DataItem> allowed, RecordQuery query) {
        return search.run(patientKeys, allowed, query);
    }

    private Optional<Current> current(String where, Object... params) {
        return jdbc.sql("SELECT patient_key, id, type, version, deleted, content_hash FROM resource WHERE " + where)
                .params(params)
                .query((rs, n) -> new Current(rs.getLong("patient_key"), rs.getString("id"), rs.getString("type"),
                        rs.getInt("version"), rs.getBoolean("deleted"), rs.getBytes("content_hash")))
                .optional();
    }

    private void versionRow(ResourceWrite write, String id, int version, Instant now, boolean deleted, Long writer) {
        jdbc.sql("""
                INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, written_by, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(write.patientKey(), id, version, write.type(), Timestamp.from(now), deleted, writer, write.json())
                .update();
    }

    private void index(long patientKey, String id, String type, SearchIndex index, boolean replace) {
        if (replace) {
            jdbc.sql("DELETE FROM resource_token WHERE patient_key = ? AND id = ?").params(patientKey, id).update();
            jdbc.sql("DELETE FROM resource_date WHERE patient_key = ? AND id = ?").params(patientKey, id).update();
        }
        template.batchUpdate("INSERT INTO resource_token (patient_key, id, type, param, system, code) VALUES (?, ?, ?, ?, ?, ?)",
                index.tokens().stream().map(t -> new Object[] {patientKey, id, type, t.param(), t.system(), t.code()}).toList());
        template.batchUpdate("INSERT INTO resource_date (patient_key, id, type, param, low, high) VALUES (?, ?, ?, ?, ?, ?)",
                index.dates().stream().map(d -> new Object[] {patientKey, id, type, d.param(), timestamp(d.low()),
                        timestamp(d.high())}).toList());
    }

    private static Timestamp clinicalDate(SearchIndex index) {
        return index.dates().stream().filter(d -> d.param().equals("date"))
                .map(d -> d.low() != null ? d.low() : d.high()).filter(java.util.Objects::nonNull)
                .findFirst().map(Timestamp::from).orElse(null);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static StoredResource stored(ResultSet rs, int n) throws SQLException {
        return new StoredResource(rs.getLong("patient_key"), rs.getString("id"), rs.getString("type"), rs.getInt("version"),
                rs.getLong("source_facility"), DataCategory.valueOf(rs.getString("category")),
                rs.getTimestamp("last_updated").toInstant(), rs.getBoolean("deleted"), rs.getString("json"));
    }

    private static byte[] sha256(String json) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Current(long patientKey, String id, String type, int version, boolean deleted, byte[] hash) {
    }
}
