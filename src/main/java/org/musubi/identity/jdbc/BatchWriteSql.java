package org.musubi.identity.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.linkage.LinkageBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes of a batch's 名寄せ decisions, one statement per table, run inside the caller's
 * transaction. Persons are referred to by regional ID and resolved in SQL; a reference to no
 * person fails the statement, so the transaction rolls back.
 */
final class BatchWriteSql {

    private final JdbcClient jdbc;
    private final MatchKeySql keys;

    BatchWriteSql(JdbcClient jdbc, MatchKeySql keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Inserts the persons and their blocking keys; returns their ids by regional ID. */
    Map<String, Long> registerAll(List<Person> persons) {
        Map<String, Long> ids = new HashMap<>();
        if (persons.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                INSERT INTO person (id, regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date,
                  postal_code, address, phone)
                SELECT u.r::bigint, u.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::date[], ?::text[], ?::text[], ?::text[]) AS u(r, fk, gk, fka, gka, s, b, pc, a, ph)
                RETURNING id, regional_id""")
                .params(Columns.texts(persons, Person::regionalId), Columns.texts(persons, Person::familyKanji),
                        Columns.texts(persons, Person::givenKanji), Columns.texts(persons, Person::familyKana),
                        Columns.texts(persons, Person::givenKana), Columns.texts(persons, p -> p.sex().name()),
                        Columns.texts(persons, p -> p.birthDate().toString()), Columns.texts(persons, Person::postalCode),
                        Columns.texts(persons, Person::address), Columns.texts(persons, Person::phone))
                .query(rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        List<MatchKeySql.Keyed> keyed = new ArrayList<>(persons.size());
        persons.forEach(p -> keyed.add(new MatchKeySql.Keyed(ids.get(p.regionalId()), p)));
        keys.insert(keyed);
        return ids;
    }

    /** Links the source patients and records one LINK identity event each, in batch order. */
    void linkAll(List<LinkageBatch.Link> links, long userId) {
        if (links.isEmpty()) {
            return;
        }
        int events = jdbc.sql("""
                WITH wanted AS (
                  SELECT u.source, p.id AS person, u.reason, u.n
                  FROM unnest(?::bigint[], ?::char(16)[], ?::text[]) WITH ORDINALITY AS u(source, regional, reason, n)
                  JOIN person p ON p.regional_id = u.regional),
                linked AS (
                  INSERT INTO person_link (source_patient_id, person_id, method, linked_by)
                  SELECT source, person, ?::text, ?::bigint FROM wanted)
                INSERT INTO identity_event (kind, person_id, source_patient_id, user_id, reason)
                SELECT 'LINK', person, source, ?::bigint, reason FROM wanted ORDER BY n""")
                .params(Columns.longs(links, LinkageBatch.Link::sourcePatientId),
                        Columns.texts(links, LinkageBatch.Link::regionalId), Columns.texts(links, LinkageBatch.Link::reason),
                        LinkMethod.MATCH_AUTO.name(), user(userId), user(userId))
                .update();
        if (events != links.size()) {
            throw new IllegalStateException("linked " + events + " of " + links.size() + ": a regional ID names no person");
        }
        for (long filled : new LinkFollowUps(jdbc).afterAll(Columns.longs(links, LinkageBatch.Link::sourcePatientId),
                Columns.texts(links, LinkageBatch.Link::regionalId))) {
            keys.replace(filled, jdbc.sql("SELECT * FROM person WHERE id = ?").param(filled)
                    .query(JdbcIdentityStore::person).single().person());
        }
    }

    /** Opens the reviews (or refreshes a source patient's open one) with their candidates; returns review ids by source patient. */
    Map<Long, Long> openAll(List<LinkageBatch.Review> reviews) {
        Map<Long, Long> ids = new HashMap<>();
        if (reviews.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                INSERT INTO match_review (source_patient_id, reasons)
                SELECT u.source, string_to_array(u.reasons, ',')
                FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS u(source, reasons, n) ORDER BY u.n
                ON CONFLICT (source_patient_id) WHERE status = 'OPEN' DO UPDATE SET reasons = excluded.reasons
                RETURNING id, source_patient_id""")
                .params(Columns.longs(reviews, LinkageBatch.Review::sourcePatientId),
                        Columns.texts(reviews, r -> String.join(",", r.reasons().stream().sorted().toList())))
                .query(rs -> {
                    ids.put(rs.getLong(2), rs.getLong(1));
                });
        List<Shown> shown = new ArrayList<>();
        reviews.forEach(r -> r.candidates().forEach(c -> shown.add(new Shown(ids.get(r.sourcePatientId()), c))));
        jdbc.sql("""
                INSERT INTO match_review_candidate (review_id, person_id, score, breakdown)
                SELECT u.review, p.id, u.score, u.breakdown
                FROM unnest(?::bigint[], ?::char(16)[], ?::float8[], ?::text[]) AS u(review, regional, score, breakdown)
                JOIN person p ON p.regional_id = u.regional
                ON CONFLICT DO NOTHING""")
                .params(Columns.longs(shown, Shown::reviewId), Columns.texts(shown, s -> s.candidate().regionalId()),
                        Columns.doubles(shown, s -> s.candidate().score()),
                        Columns.texts(shown, s -> s.candidate().breakdown()))
                .update();
        return ids;
    }

    private static Long user(long userId) {
        return userId <= 0 ? null : userId;
    }

    private record Shown(long reviewId, LinkageBatch.Shown candidate) {
    }
}
