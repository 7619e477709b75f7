package org.musubi.identity.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.identity.Person;

/** An in-memory stand-in for the blocking-key index in the database. */
final class BlockingIndex {

    private final Map<String, List<Person>> personsByKey = new HashMap<>();

    BlockingIndex(List<Person> persons) {
        for (Person person : persons) {
            for (String key : BlockingKeys.of(Demographics.of(person))) {
                personsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(person);
            }
        }
    }

    /** Every person sharing at least one key with the query, each once. */
    List<Person> candidates(Demographics query) {
        Set<Person> candidates = new LinkedHashSet<>();
        for (String key : BlockingKeys.of(query)) {
            candidates.addAll(personsByKey.getOrDefault(key, List.of()));
        }
        return List.copyOf(candidates);
    }
}
