package org.musubi.identity.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.InsuredKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcIdentityStore implements IdentityStore {

    private final JdbcClient jdbc;
    private final MergeSql merges;
    private final MatchKeySql keys;
    private final SourcePatientSql sourcePatients;
    private final SourceIdentifierSql identifiers;
    private final InsuredKeySql insured;

    JdbcIdentityStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.merges = new MergeSql(jdbc);
        this.keys = new MatchKeySql(template);
        this.sourcePatients = new SourcePatientSql(jdbc);
        this.identifiers = new SourceIdentifierSql(jdbc);
        this.insured = new InsuredKeySql(jdbc);
    }

    @Override
    public Optional<RegisteredPerson> person(long personId) {
        return jdbc.sql("SELECT * FROM person WHERE id = ?").param(personId).query(JdbcIdentityStore::person).optional();
    }

    @Override
    public Optional<RegisteredPerson> personByRegionalId(String regionalId) {
        return jdbc.sql("SELECT * FROM person WHERE regional_id = ?").param(regionalId)
                .query(JdbcIdentityStore::person).optional();
    }

    @Override
    public List<String> namesInAudit(String regionalId) {
        List<String> names = new ArrayList<>(List.of(regionalId));
        jdbc.sql("""
                WITH RECURSIVE named (id, regional_id, former_regional_id) AS (
                  SELECT id, regional_id, former_regional_id FROM person WHERE regional_id = ?
                  UNION
                  SELECT p.id, p.regional_id, p.former_regional_id FROM person p JOIN named n ON p.merged_into = n.id)
                SELECT regional_id, former_regional_id FROM named""").param(regionalId)
                .query((rs, row) -> {
                    names.add(rs.getString("regional_id"));
                    if (rs.getString("former_regional_id") != null) {
                        names.add(rs.getString("former_regional_id"));
                    }
                    return row;
                }).list();
        return names.stream().distinct().toList();
    }

    @Override
    public List<RegisteredPerson> personsWithPatientsAt(Long facilityId, int limit) {
        return jdbc.sql("""
                SELECT p.* FROM person p WHERE p.status = 'ACTIVE' AND EXISTS (
                  SELECT 1 FROM person_link l JOIN source_patient s ON s.id = l.source_patient_id
                  WHERE l.person_id = p.id AND (CAST(? AS bigint) IS NULL OR s.facility_id = ?))
                ORDER BY p.family_kana, p.given_kana, p.birth_date, p.regional_id LIMIT ?""")
                .params(facilityId, facilityId, limit).query(JdbcIdentityStore::person).list();
    }

    @Override
    public Map<Long, Long> patientsAt(long facilityId) {
        Map<Long, Long> patients = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.id, coalesce(l.person_id, 0) AS person_id FROM source_patient s
                LEFT JOIN person_link l ON l.source_patient_id = s.id WHERE s.facility_id = ? ORDER BY s.id""")
                .param(facilityId).query(rs -> {
                    patients.put(rs.getLong("id"), rs.getLong("person_id"));
                });
        return patients;
    }

    @Override
    @Transactional
    public RegisteredPerson register(Person p) {
        long id = jdbc.sql("""
                INSERT INTO person (id, regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date,
                  postal_code, address, phone) VALUES (?::bigint, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.regionalId(), p.regionalId(), p.familyKanji(), p.givenKanji(), p.familyKana(), p.givenKana(), p.sex().name(),
                        Date.valueOf(p.birthDate()), p.postalCode(), p.address(), p.phone())
                .query(Long.class).single();
        keys.replace(id, p);
        return person(id).orElseThrow();
    }

    @Override
    public Optional<SourcePatient> sourcePatient(long sourcePatientId) {
        return jdbc.sql("SELECT * FROM source_patient WHERE id = ?").param(sourcePatientId)
                .query(JdbcIdentityStore::sourcePatient).optional();
    }

    @Override
    public SourcePatient receive(SourcePatient s) {
        return sourcePatients.receiveAll(List.of(s)).getFirst();
    }

    @Override
    public Optional<SourcePatient> sourcePatient(long facilityId, String localId) {
        return jdbc.sql("SELECT * FROM source_patient WHERE facility_id = ? AND local_id = ?").params(facilityId, localId)
                .query(JdbcIdentityStore::sourcePatient).optional();
    }

    @Override
    public Map<SourceIdentifier, SourcePatient> named(
            long facilityId, Collection<SourceIdentifier> wanted) {
        return identifiers.named(facilityId, wanted);
    }

    @Override
    public Map<Long, List<SourceIdentifier>> identifiersOf(
            Collection<Long> sourcePatientIds) {
        return identifiers.identifiersOf(sourcePatientIds);
    }

    @Override
    public void receiveIdentifiers(long sourcePatientId, Collection<SourceIdentifier> received) {
        identifiers.record(sourcePatientId, received);
    }

    @Override
    public void receiveInsured(long sourcePatientId, InsuredKeys.Key key) {
        insured.receive(sourcePatientId, key);
    }

    @Override
    public Optional<InsuredKeys.Key> insuredOf(long sourcePatientId) {
        return insured.of(sourcePatientId);
    }

    @Override
    public Optional<Long> sourcePatientByInsured(long facilityId, InsuredKeys.Key key) {
        return insured.sourcePatient(facilityId, key);
    }

    @Override
    public Map<Long, List<InsuredKeys.Key>> insuredOfPersons(Collection<Long> personIds) {
        return insured.ofPersons(personIds);
    }

    @Override
    public Optional<Long> personOf(long sourcePatientId) {
        return jdbc.sql("SELECT person_id FROM person_link WHERE source_patient_id = ?").param(sourcePatientId)
                .query(Long.class).optional();
    }

    @Override
    public List<SourcePatient> sourcePatientsOf(long personId) {
        return jdbc.sql("""
                SELECT s.* FROM source_patient s JOIN person_link l ON l.source_patient_id = s.id
                WHERE l.person_id = ? ORDER BY s.id""").param(personId).query(JdbcIdentityStore::sourcePatient).list();
    }

    @Override
    @Transactional
    public void link(long sourcePatientId, long personId, LinkMethod method, long userId, String reason) {
        jdbc.sql("INSERT INTO person_link (source_patient_id, person_id, method, linked_by) VALUES (?, ?, ?, ?)")
                .params(sourcePatientId, personId, method.name(), userId <= 0 ? null : userId).update();
        merges.event("LINK", personId, null, sourcePatientId, null, userId, reason);
        for (long filled : new LinkFollowUps(jdbc).after(sourcePatientId, personId)) {
            keys.replace(filled, person(filled).orElseThrow().person());
        }
    }

    @Override
    @Transactional
    public void unlink(long sourcePatientId, long userId, String reason) {
        long personId = jdbc.sql("DELETE FROM person_link WHERE source_patient_id = ? RETURNING person_id")
                .param(sourcePatientId).query(Long.class).single();
        merges.event("UNLINK", personId, null, sourcePatientId, null, userId, reason);
    }

    @Override
    @Transactional
    public long merge(long survivorId, long mergedId, long userId, String reason) {
        long mergeId = merges.merge(survivorId, mergedId, userId, reason);
        keys.replace(survivorId, person(survivorId).orElseThrow().person());
        return mergeId;
    }

    @Override
    @Transactional
    public void unmerge(long mergeId, long userId, String reason) {
        merges.unmerge(mergeId, userId, reason);
        long[] parties = mergeParties(mergeId).orElseThrow();
        keys.replace(parties[0], person(parties[0]).orElseThrow().person());
    }

    @Override
    public List<RegisteredPerson> candidates(Set<String> blockingKeys, int limit) {
        if (blockingKeys.isEmpty()) {
            return List.of();
        }
        String[] cards = blockingKeys.stream().filter(k -> k.startsWith(InsuredKeys.BLOCKING_PREFIX))
                .map(k -> k.substring(InsuredKeys.BLOCKING_PREFIX.length())).toArray(String[]::new);
        if (cards.length == 0) {
            return jdbc.sql("""
                    SELECT p.* FROM person p WHERE p.status = 'ACTIVE' AND p.id IN
                      (SELECT person_id FROM person_match_key WHERE key = ANY(?)) ORDER BY p.id LIMIT ?""")
                    .params(blockingKeys.toArray(String[]::new), limit).query(JdbcIdentityStore::person).list();
        }
        return jdbc.sql("""
                SELECT p.* FROM person p WHERE p.status = 'ACTIVE' AND p.id IN
                  (SELECT person_id FROM person_match_key WHERE key = ANY(?)
                   UNION SELECT l.person_id FROM source_patient_insured i
                   JOIN person_link l ON l.source_patient_id = i.source_patient_id WHERE i.card_hash = ANY(?))
                ORDER BY p.id LIMIT ?""")
                .params(blockingKeys.toArray(String[]::new), cards, limit).query(JdbcIdentityStore::person).list();
    }

    @Override
    public Optional<long[]> mergeParties(long mergeId) {
        return jdbc.sql("SELECT person_id, other_person_id FROM identity_event WHERE id = ? AND kind = 'MERGE'")
                .param(mergeId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    static RegisteredPerson person(ResultSet rs, int row) throws SQLException {
        Person person = new Person(rs.getString("regional_id"), rs.getString("family_kanji"), rs.getString("given_kanji"),
                rs.getString("family_kana"), rs.getString("given_kana"), Sex.valueOf(rs.getString("sex")),
                rs.getDate("birth_date").toLocalDate(), rs.getString("postal_code"), rs.getString("address"),
                rs.getString("phone"));
        Long mergedInto = rs.getObject("merged_into", Long.class);
        return new RegisteredPerson(rs.getLong("id"), person, PersonStatus.valueOf(rs.getString("status")), mergedInto);
    }

    static SourcePatient sourcePatient(ResultSet rs, int row) throws SQLException {
        String sex = rs.getString("sex");
        Date birth = rs.getDate("birth_date");
        return new SourcePatient(rs.getLong("id"), rs.getLong("facility_id"), rs.getString("local_id"),
                rs.getString("family_kanji"), rs.getString("given_kanji"), rs.getString("family_kana"),
                rs.getString("given_kana"), sex == null ? null : Sex.valueOf(sex), birth == null ? null : birth.toLocalDate(),
                rs.getString("postal_code"), rs.getString("address"), rs.getString("phone"));
    }
}
