package org.musubi.imaging.reading;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A programme's pool of readers and how a study gets its two: the two readers with the fewest open readings (ties by
 * user id, so the choice is repeatable), never the doctor who requested the study's reading.
 */
public final class ReaderPool {

    private ReaderPool() {
    }

    /**
     * Two different readers for a new study.
     *
     * @param pool      the programme's readers (user ids)
     * @param openLoad  each reader's open readings (missing = none)
     * @param excluded  a user who may not read this study (the requester), or null
     */
    public static DoubleReading assign(List<Long> pool, Map<Long, Integer> openLoad, Long excluded) {
        List<Long> chosen = pool.stream().distinct()
                .filter(user -> !Objects.equals(user, excluded))
                .sorted(Comparator.<Long>comparingInt(user -> openLoad.getOrDefault(user, 0))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(2).toList();
        if (chosen.size() < 2) {
            throw new IllegalStateException("a double reading needs two readers in the pool");
        }
        return DoubleReading.assigned(chosen.get(0), chosen.get(1));
    }
}
