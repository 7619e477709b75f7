package org.musubi.identity.jdbc;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.musubi.identity.Person;
import org.musubi.identity.Persons;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcPersons implements Persons {

    private final JdbcTemplate jdbc;

    JdbcPersons(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM person", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    @Transactional
    public int registerAll(List<Person> persons) {
        int[][] counts = jdbc.batchUpdate("""
                INSERT INTO person (id, regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date,
                  postal_code, address, phone) VALUES (?::bigint, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (regional_id) DO NOTHING""", persons, 500, (ps, p) -> {
            ps.setString(1, p.regionalId());
            ps.setString(2, p.regionalId());
            ps.setString(3, p.familyKanji());
            ps.setString(4, p.givenKanji());
            ps.setString(5, p.familyKana());
            ps.setString(6, p.givenKana());
            ps.setString(7, p.sex().name());
            ps.setDate(8, Date.valueOf(p.birthDate()));
            ps.setString(9, p.postalCode());
            ps.setString(10, p.address());
            ps.setString(11, p.phone());
        });
        int stored = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                stored += Math.max(c, 0);
            }
        }
        List<MatchKeySql.Keyed> keyed = new ArrayList<>();
        for (Person p : persons) {
            Long id = jdbc.queryForObject("SELECT id FROM person WHERE regional_id = ?", Long.class, p.regionalId());
            keyed.add(new MatchKeySql.Keyed(id, p));
        }
        new MatchKeySql(jdbc).insert(keyed);
        return stored;
    }
}
