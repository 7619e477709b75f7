package org.musubi.synth;

import org.musubi.identity.Person;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.musubi.synth.facilities.FacilityFactory;
import org.musubi.synth.facilities.StaffFactory;
import org.musubi.synth.population.Locality;
import org.musubi.synth.population.Municipalities;
import org.musubi.synth.population.PersonFactory;
import org.musubi.synth.population.RegionalIds;

/**
 * Generates a deterministic synthetic regional network: the same seed, size and prefecture always
 * give an equal network, on any machine, because every random draw comes from the seed (never
 * the clock). Names, kana, addresses and codes are realistic for the prefecture but invented.
 *
 * <p>Users: user 0 is the network operator {@code admin}. The other login ids are a lowercase
 * stem of the profession and a running number per stem ({@code doctor1}, {@code doctor2},
 * {@code nurse1}, {@code pharmacist1}, {@code dentist1}, {@code pt1}, {@code ot1}, {@code st1},
 * {@code clerk1}, {@code caremanager1}, {@code careworker1}, {@code paramedic1},
 * {@code phnurse1}, {@code cityoffice1}), numbered in facility order. The first user of each
 * facility is its facility admin, so the first hospital's admin is {@code doctor1}. Every
 * facility has users when there are more users than facilities.
 *
 * <p>Persons are made one at a time from the seed and their index, so {@link #persons} can
 * stream millions without holding them; {@link #generate} uses the same stream, so its persons
 * equal the first ones of {@code persons(seed, n, prefecture)}.
 */
public final class SyntheticNetworkGenerator {

    /** 広島県. */
    public static final int DEFAULT_PREFECTURE = Municipalities.HIROSHIMA;

    public SyntheticNetwork generate(long seed, SynthSize size) {
        return generate(seed, size, DEFAULT_PREFECTURE);
    }

    /** A network in the given prefecture (1–47, JIS X 0401 order). */
    public SyntheticNetwork generate(long seed, SynthSize size, int prefecture) {
        Locality locality = new Locality(prefecture);
        List<SynthFacility> facilities = new FacilityFactory(seed, locality).facilities(size.facilities());
        List<SynthUser> users = new StaffFactory(seed).users(facilities, size.users());
        List<Person> persons = persons(seed, size.persons(), prefecture).toList();
        return new SyntheticNetwork(facilities, users, persons);
    }

    /** {@code count} persons made lazily, in index order; regional ids are unique per seed. */
    public Stream<Person> persons(long seed, long count, int prefecture) {
        if (count < 0 || count > RegionalIds.CAPACITY) {
            throw new IllegalArgumentException("count must be 0–" + RegionalIds.CAPACITY + ": " + count);
        }
        return LongStream.range(0, count).mapToObj(personAt(seed, prefecture));
    }

    /**
     * Makes the person at any index of {@code persons(seed, …, prefecture)} alone, so that callers
     * can make persons in parallel or out of order and still get the same ones.
     */
    public LongFunction<Person> personAt(long seed, int prefecture) {
        return new PersonFactory(seed, new Locality(prefecture))::person;
    }
}
