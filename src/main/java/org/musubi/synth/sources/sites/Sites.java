package org.musubi.synth.sources.sites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.musubi.identity.Person;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.synth.Seeds;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthUser;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;

/**
 * The facilities of a network that write source files: hospitals and clinics (SS-MIX2) and
 * pharmacies (JAHIS), each with its staff. Staff are the network's doctors or pharmacists of that
 * facility; a facility without such users gets invented ones, so its records still name somebody.
 * {@code weightedMedical} lists hospitals twice, as they see more patients than clinics.
 */
public record Sites(List<Site> medical, List<Site> pharmacies, List<Site> weightedMedical) {

    private static final long SITES = 101;
    private static final long STAFF = 102;
    private static final int INVENTED_STAFF = 3;
    private static final List<String> APPLICATIONS = List.of("HIS", "EHR", "EMR", "ORDERSYS", "KARTE");

    public Sites {
        medical = List.copyOf(medical);
        pharmacies = List.copyOf(pharmacies);
        weightedMedical = List.copyOf(weightedMedical);
    }

    public static Sites of(SyntheticNetwork network, long seed, long population) {
        List<Site> medical = new ArrayList<>();
        List<Site> weighted = new ArrayList<>();
        List<Site> pharmacies = new ArrayList<>();
        Map<Integer, List<SynthUser>> users = usersByFacility(network.users());
        LongFunction<Person> invented = new SyntheticNetworkGenerator().personAt(Seeds.derive(seed, STAFF), prefecture(network));
        for (int index = 0; index < network.facilities().size(); index++) {
            SynthFacility facility = network.facilities().get(index);
            FacilityKind kind = facility.kind();
            boolean writes = kind == FacilityKind.HOSPITAL || kind == FacilityKind.CLINIC || kind == FacilityKind.PHARMACY;
            if (!writes || facility.code() == null) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(seed, SITES), index));
            Profession profession = kind == FacilityKind.PHARMACY ? Profession.PHARMACIST : Profession.DOCTOR;
            List<Staff> staff = staff(users.getOrDefault(index, List.of()), index, profession, invented);
            Site site = new Site(index, facility, new LocalIds(random, population), staff,
                    APPLICATIONS.get(random.nextInt(APPLICATIONS.size())));
            (kind == FacilityKind.PHARMACY ? pharmacies : medical).add(site);
            int weight = kind == FacilityKind.HOSPITAL ? 2 : kind == FacilityKind.CLINIC ? 1 : 0;
            for (int n = 0; n < weight; n++) {
                weighted.add(site);
            }
        }
        return new Sites(medical, pharmacies, weighted);
    }

    private static Map<Integer, List<SynthUser>> usersByFacility(List<SynthUser> users) {
        Map<Integer, List<SynthUser>> byFacility = new HashMap<>();
        for (SynthUser user : users) {
            user.facilityIndexes().forEach(index -> byFacility.computeIfAbsent(index, i -> new ArrayList<>()).add(user));
        }
        return byFacility;
    }

    /** The network's prefecture: its facilities', or the generator's default when it has none. */
    public static int prefecture(SyntheticNetwork network) {
        return network.facilities().isEmpty() ? SyntheticNetworkGenerator.DEFAULT_PREFECTURE
                : network.facilities().getFirst().prefecture();
    }

    private static List<Staff> staff(List<SynthUser> users, int index, Profession profession,
                                     LongFunction<Person> invented) {
        List<Staff> staff = new ArrayList<>();
        for (SynthUser user : users) {
            if (user.profession() == profession) {
                staff.add(new Staff(user.loginId(), user.familyKanji(), user.givenKanji(), user.familyKana(), user.givenKana()));
            }
        }
        int invent = staff.isEmpty() ? INVENTED_STAFF : 0;
        for (int n = 0; n < invent; n++) {
            addInvented(staff, invented.apply((long) index * INVENTED_STAFF + n), index, n, profession);
        }
        return staff;
    }

    private static void addInvented(List<Staff> staff, Person person, int index, int n, Profession profession) {
        String id = (profession == Profession.PHARMACIST ? "P" : "D") + "%03d%02d".formatted(index % 1000, n);
        staff.add(new Staff(id, person.familyKanji(), person.givenKanji(), person.familyKana(), person.givenKana()));
    }
}
