package org.musubi.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.identity.Person;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;

/**
 * An in-memory stand-in for the database's blocking-key index: each {@link BlockingKeys} key maps
 * to the positions of the persons that have it, kept as growable int arrays so that millions of
 * persons fit without boxing.
 */
final class PersonIndex {

    private final List<Person> persons;
    /** Per key: element 0 is the count, then the positions. */
    private final Map<String, int[]> positionsByKey = new HashMap<>();

    PersonIndex(List<Person> persons) {
        this.persons = persons;
        for (int position = 0; position < persons.size(); position++) {
            for (String key : BlockingKeys.stored(Demographics.of(persons.get(position)))) {
                positionsByKey.merge(key, new int[] {1, position}, PersonIndex::append);
            }
        }
    }

    int keys() {
        return positionsByKey.size();
    }

    /** The largest number of persons sharing one key. */
    int largestBlock() {
        return positionsByKey.values().stream().mapToInt(block -> block[0]).max().orElse(0);
    }

    /** Every person sharing at least one key with the query, each once, in population order. */
    List<Person> candidates(Demographics query) {
        int[] found = new int[8];
        int count = 0;
        for (String key : BlockingKeys.query(query)) {
            int[] block = positionsByKey.get(key);
            if (block != null) {
                if (count + block[0] > found.length) {
                    found = Arrays.copyOf(found, Math.max(2 * found.length, count + block[0]));
                }
                System.arraycopy(block, 1, found, count, block[0]);
                count += block[0];
            }
        }
        return Arrays.stream(found, 0, count).sorted().distinct().mapToObj(persons::get).toList();
    }

    private static int[] append(int[] block, int[] one) {
        int size = block[0];
        int[] grown = size + 1 < block.length ? block : Arrays.copyOf(block, 2 * block.length);
        grown[size + 1] = one[1];
        grown[0] = size + 1;
        return grown;
    }
}
