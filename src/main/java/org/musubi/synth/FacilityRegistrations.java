package org.musubi.synth;

import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.synth.population.Locality;
import org.musubi.synth.population.PersonFactory;
import org.musubi.synth.population.RegionalIds;

/**
 * How each facility registered the persons it treats: the person's demographics with one
 * {@link Corruption}, drawn by the same shares as {@link SourceRecordGenerator}, so that the same
 * person looks a little different at every facility. Each (person, facility) pair has its own
 * random stream from the seed, so registrations can be made alone, in any order, in parallel.
 */
public final class FacilityRegistrations {

    /** Salts next to those of {@link Seeds} and {@link SourceRecordGenerator}. */
    private static final long REGISTRATIONS = 8;
    private static final long DONORS = 9;

    private final long seed;
    private final PersonFactory donors;

    public FacilityRegistrations(long seed, int prefecture) {
        this.seed = Seeds.derive(seed, REGISTRATIONS);
        this.donors = new PersonFactory(Seeds.derive(seed, DONORS), new Locality(prefecture));
    }

    /**
     * The person at {@code personIndex} as facility {@code facilityIndex} (its index in the
     * network) registered them; a donor person lends a new home, phone or married surname.
     */
    public SourceRecord of(long personIndex, Person person, int facilityIndex) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(seed, personIndex), facilityIndex));
        Person donor = donors.person(random.nextLong(RegionalIds.CAPACITY));
        return SourceRecordGenerator.record(random, personIndex, true, person, donor);
    }
}
