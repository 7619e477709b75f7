package org.musubi.synth;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.musubi.identity.Person;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.population.Locality;
import org.musubi.synth.population.PersonFactory;
import org.musubi.synth.population.RegionalIds;

/**
 * Makes source records for a population of {@code persons(seed, population, prefecture)}, as the
 * facilities of the network would send them: {@value #NEW_PATIENT_PERCENT} % are patients not in
 * the population (the persons right after it: index {@code population + record index}), the rest
 * are copies of a person drawn at random from it (a person may come more than once). Each record
 * carries one {@link Corruption} drawn by its share; a kind that cannot apply to the patient is
 * drawn again. Like persons, each record is made from the seed and its index alone.
 */
public final class SourceRecordGenerator {

    /** Share of records, in percent, whose patient is not in the population. */
    public static final int NEW_PATIENT_PERCENT = 20;

    /** Salts next to those of {@link Seeds}. */
    private static final long SOURCE_RECORDS = 6;
    private static final long DONORS = 7;
    private static final int DRAWS = 20;
    private static final List<Corruption> KINDS = List.of(Corruption.values());
    private static final Weights SHARES = Weights.of(KINDS, kind -> kind.percent);

    /** {@code count} records made lazily, in index order. */
    public Stream<SourceRecord> records(long seed, long population, long count, int prefecture) {
        if (population < 0 || count < 0 || population + count > RegionalIds.CAPACITY) {
            throw new IllegalArgumentException("population and count must be ≥ 0 and within the regional IDs");
        }
        Locality locality = new Locality(prefecture);
        PersonFactory persons = new PersonFactory(seed, locality);
        PersonFactory donors = new PersonFactory(Seeds.derive(seed, DONORS), locality);
        long recordSeed = Seeds.derive(seed, SOURCE_RECORDS);
        return LongStream.range(0, count).mapToObj(index -> {
            SplittableRandom random = new SplittableRandom(Seeds.derive(recordSeed, index));
            boolean inPopulation = population > 0 && random.nextInt(100) >= NEW_PATIENT_PERCENT;
            long personIndex = inPopulation ? random.nextLong(population) : population + index;
            return record(random, personIndex, inPopulation, persons.person(personIndex), donors.person(index));
        });
    }

    /** The person with one corruption drawn by its share; a kind that cannot apply is drawn again. */
    static SourceRecord record(SplittableRandom random, long personIndex, boolean inPopulation,
                               Person person, Person donor) {
        Demographics original = Demographics.of(person);
        SourceRecordCorruptions corruptions = new SourceRecordCorruptions(random.split());
        for (int draw = 0; draw < DRAWS; draw++) {
            Corruption kind = KINDS.get(SHARES.draw(random));
            Demographics corrupted = corruptions.apply(kind, original, donor);
            if (kind == Corruption.NONE || !corrupted.equals(original)) {
                return new SourceRecord(personIndex, inPopulation, kind, corrupted);
            }
        }
        return new SourceRecord(personIndex, inPopulation, Corruption.NONE, original);
    }
}
