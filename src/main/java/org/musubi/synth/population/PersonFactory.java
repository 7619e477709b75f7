package org.musubi.synth.population;

import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.musubi.synth.Seeds;

/**
 * Makes the person at a given index. Each person has its own random stream derived from the seed
 * and the index, so any person can be made alone, in any order, and streams never hold them all.
 */
public final class PersonFactory {

    private static final int ELDERLY_AGE = 75;

    private final long seed;
    private final Locality locality;
    private final RegionalIds regionalIds;

    public PersonFactory(long seed, Locality locality) {
        this.seed = Seeds.derive(seed, Seeds.PERSONS);
        this.locality = locality;
        this.regionalIds = new RegionalIds(seed);
    }

    public Person person(long index) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, index));
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        LocalDate birthDate = BirthDates.draw(random);
        Reading family = NameBook.surname(random);
        Reading given = NameBook.givenName(random, sex, birthDate.getYear());
        Municipality municipality = locality.municipality(random);
        return new Person(regionalIds.of(index),
                family.kanji(), given.kanji(), family.kana(), given.kana(), sex, birthDate,
                locality.postalCode(random, municipality), locality.address(random, municipality),
                phone(random, municipality, birthDate));
    }

    /** Most people give a mobile number; the very old more often a landline. */
    private String phone(SplittableRandom random, Municipality municipality, LocalDate birthDate) {
        boolean elderly = BirthDates.ageOn(birthDate, BirthDates.REFERENCE_DATE) >= ELDERLY_AGE;
        int mobilePercent = elderly ? 35 : 75;
        return random.nextInt(100) < mobilePercent
                ? locality.mobile(random)
                : locality.landline(random, municipality);
    }
}
