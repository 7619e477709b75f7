package org.musubi.identity.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.LinkageBatch;
import org.musubi.identity.matching.InsuredKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcIdentityBatches implements IdentityBatches {

    private final JdbcClient jdbc;
    private final SourcePatientSql sourcePatients;
    private final BatchWriteSql writes;
    private final InsuredKeySql insured;

    JdbcIdentityBatches(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.sourcePatients = new SourcePatientSql(jdbc);
        this.writes = new BatchWriteSql(jdbc, new MatchKeySql(template));
        this.insured = new InsuredKeySql(jdbc);
    }

    @Override
    public List<SourcePatient> receiveAll(List<SourcePatient> received) {
        return sourcePatients.receiveAll(received);
    }

    @Override
    public Map<String, SourcePatient> sourcePatients(long facilityId, Collection<String> localIds) {
        Map<String, SourcePatient> found = new HashMap<>();
        jdbc.sql("SELECT * FROM source_patient WHERE facility_id = ? AND local_id = ANY(?)")
                .params(facilityId, localIds.toArray(String[]::new))
                .query(JdbcIdentityStore::sourcePatient).list().forEach(s -> found.put(s.localId(), s));
        return found;
    }

    @Override
    public Map<Long, String> regionalIdsOf(Collection<Long> sourcePatientIds) {
        Map<Long, String> ids = new HashMap<>();
        jdbc.sql("""
                SELECT l.source_patient_id, p.regional_id FROM person_link l JOIN person p ON p.id = l.person_id
                WHERE l.source_patient_id = ANY(?)""")
                .param(sourcePatientIds.toArray(Long[]::new))
                .query(rs -> {
                    ids.put(rs.getLong(1), rs.getString(2));
                });
        return ids;
    }

    @Override
    public Map<Long, String> localIdsOf(long facilityId, Collection<Long> sourcePatientIds) {
        Map<Long, String> ids = new HashMap<>();
        if (sourcePatientIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("SELECT id, local_id FROM source_patient WHERE facility_id = ? AND id = ANY(?)")
                .params(facilityId, sourcePatientIds.toArray(Long[]::new))
                .query(rs -> {
                    ids.put(rs.getLong(1), rs.getString(2));
                });
        return ids;
    }

    @Override
    public Map<Long, Long> personsOf(Collection<Long> sourcePatientIds) {
        Map<Long, Long> persons = new HashMap<>();
        jdbc.sql("SELECT source_patient_id, person_id FROM person_link WHERE source_patient_id = ANY(?)")
                .param(sourcePatientIds.toArray(Long[]::new))
                .query(rs -> {
                    persons.put(rs.getLong(1), rs.getLong(2));
                });
        return persons;
    }

    @Override
    public void receiveInsured(Map<Long, InsuredKeys.Key> bySourcePatient) {
        insured.receiveAll(bySourcePatient);
    }

    @Override
    public Map<Long, InsuredKeys.Key> insuredOf(Collection<Long> sourcePatientIds) {
        return insured.of(sourcePatientIds);
    }

    @Override
    public Map<Long, List<InsuredKeys.Key>> insuredOfPersons(Collection<Long> personIds) {
        return insured.ofPersons(personIds);
    }

    /**
     * Two statements for the whole batch (three with card keys): the persons of every key — a card key ({@link
     * InsuredKeys#BLOCKING_PREFIX}) those linked to a source patient with a number on that card, as
     * {@link IdentityStore#candidates} — then those persons' rows.
     */
    @Override
    public List<List<RegisteredPerson>> candidates(List<Set<String>> blockingKeys, int limit) {
        Set<String> allKeys = new LinkedHashSet<>();
        blockingKeys.forEach(allKeys::addAll);
        Map<String, List<Long>> idsByKey = new HashMap<>();
        jdbc.sql("SELECT key, person_id FROM person_match_key WHERE key = ANY(?)")
                .param(allKeys.toArray(String[]::new))
                .query(rs -> {
                    idsByKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        List<String> cards = allKeys.stream().filter(k -> k.startsWith(InsuredKeys.BLOCKING_PREFIX))
                .map(k -> k.substring(InsuredKeys.BLOCKING_PREFIX.length())).toList();
        insured.personsByCard(cards).forEach((card, persons) -> idsByKey
                .computeIfAbsent(InsuredKeys.BLOCKING_PREFIX + card, k -> new ArrayList<>()).addAll(persons));
        Set<Long> allIds = new HashSet<>();
        idsByKey.values().forEach(allIds::addAll);
        Map<Long, RegisteredPerson> active = new HashMap<>();
        jdbc.sql("SELECT * FROM person WHERE id = ANY(?) AND status = 'ACTIVE'").param(allIds.toArray(Long[]::new))
                .query(JdbcIdentityStore::person).list().forEach(p -> active.put(p.id(), p));
        return blockingKeys.stream().map(keys -> {
            TreeSet<Long> ids = new TreeSet<>();
            keys.forEach(key -> idsByKey.getOrDefault(key, List.of()).stream().filter(active::containsKey).forEach(ids::add));
            return ids.stream().limit(limit).map(active::get).toList();
        }).toList();
    }

    @Override
    public Set<String> regionalIdsInUse(Collection<String> regionalIds) {
        return new HashSet<>(jdbc.sql("SELECT regional_id FROM person WHERE regional_id = ANY(?::char(16)[])")
                .param(regionalIds.toArray(String[]::new)).query(String.class).list());
    }

    @Override
    @Transactional
    public LinkageBatch.Written write(LinkageBatch batch, long userId) {
        Map<String, Long> personIds = writes.registerAll(batch.newPersons());
        writes.linkAll(batch.links(), userId);
        return new LinkageBatch.Written(personIds, writes.openAll(batch.reviews()));
    }
}
