package org.musubi.identity.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.musubi.identity.Person;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keeps each person's blocking keys in step with their demographics. */
final class MatchKeySql {

    private final JdbcTemplate jdbc;

    MatchKeySql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long personId, Person person) {
        jdbc.update("DELETE FROM person_match_key WHERE person_id = ?", personId);
        insert(List.of(new Keyed(personId, person)));
    }

    /** Writes the keys of freshly stored persons in one statement. */
    void insert(List<Keyed> persons) {
        List<String> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Keyed p : persons) {
            for (String key : BlockingKeys.stored(Demographics.of(p.person()))) {
                keys.add(key);
                ids.add(p.personId());
            }
        }
        if (!keys.isEmpty()) {
            jdbc.update("INSERT INTO person_match_key (key, person_id) SELECT * FROM unnest(?::text[], ?::bigint[])"
                    + " ON CONFLICT DO NOTHING", keys.toArray(String[]::new), ids.toArray(Long[]::new));
        }
    }

    record Keyed(long personId, Person person) {
    }
}
