package org.musubi.synth.sources.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocalIdsTest {

    @Test
    void givesEveryPersonADifferentFixedWidthNumber() {
        LocalIds ids = new LocalIds(new SplittableRandom(1), 50_000);
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < 50_000; index++) {
            String id = ids.of(index);
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(seen.stream().map(String::length).distinct()).hasSize(1);
        assertThat(seen.iterator().next()).matches("\\d{7,}");
    }

    @Test
    void widensTheNumbersForLargePopulations() {
        assertThat(new LocalIds(new SplittableRandom(2), 20_000_000).of(0)).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void facilitiesNumberTheSamePersonDifferently() {
        assertThat(new LocalIds(new SplittableRandom(3), 100).of(7)).isNotEqualTo(new LocalIds(new SplittableRandom(4), 100).of(7));
    }
}
