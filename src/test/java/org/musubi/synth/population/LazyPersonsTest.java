package org.musubi.synth.population;

import org.musubi.identity.Person;
import org.musubi.identity.RegionalId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.synth.SyntheticNetworkGenerator;

class LazyPersonsTest {

    private final SyntheticNetworkGenerator generator = new SyntheticNetworkGenerator();

    @Test
    void streamsAHundredThousandPersonsOneByOne() {
        Set<String> sample = new HashSet<>();
        long count = 0;
        for (Iterator<Person> it = generator.persons(3, 100_000, 34).iterator(); it.hasNext(); count++) {
            Person person = it.next();
            if (count % 10 == 0) {
                assertThat(sample.add(person.regionalId())).as(person.regionalId()).isTrue();
            }
        }

        assertThat(count).isEqualTo(100_000);
        assertThat(sample).hasSize(10_000).allMatch(RegionalId::valid);
    }

    @Test
    void aPersonDependsOnlyOnSeedAndIndex() {
        Person thousandth = generator.persons(3, 1_000, 34).skip(999).findFirst().orElseThrow();

        assertThat(generator.persons(3, 5_000, 34).parallel().skip(999).findFirst()).contains(thousandth);
    }

    @Test
    void regionalIdsOfHalfAMillionIndexesAreDistinct() {
        RegionalIds ids = new RegionalIds(3);
        Set<Long> seen = new HashSet<>();
        for (long index = 0; index < 500_000; index++) {
            seen.add(Long.parseLong(ids.of(index)));
        }

        assertThat(seen).hasSize(500_000);
    }
}
