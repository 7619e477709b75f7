package org.musubi.synth.facilities;

import org.musubi.identity.Sex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.synth.Seeds;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthUser;
import org.musubi.synth.Weights;
import org.musubi.synth.population.NameBook;
import org.musubi.synth.population.Reading;

/**
 * Makes a network's users: first the network operator "admin", then each facility's staff in
 * facility order. Every facility gets one user while there are enough (the first of them is its
 * facility admin); the rest go to facilities by {@link Staffing#weight}. Some hospital doctors
 * also work at a clinic, which then is their second facility.
 */
public final class StaffFactory {

    private static final int SECOND_CLINIC_PERCENT = 20;
    private static final int EARLIEST_STAFF_BIRTH_YEAR = 1958;
    private static final int LATEST_STAFF_BIRTH_YEAR = 2002;

    private final SplittableRandom random;

    public StaffFactory(long seed) {
        this.random = new SplittableRandom(Seeds.derive(seed, Seeds.USERS));
    }

    public List<SynthUser> users(List<SynthFacility> facilities, int count) {
        if (count > 1 && facilities.isEmpty()) {
            throw new IllegalArgumentException("users besides the operator need facilities");
        }
        List<SynthUser> users = new ArrayList<>(count);
        if (count == 0) {
            return users;
        }
        users.add(user(LoginIds.OPERATOR, Profession.NETWORK_OPERATOR, List.of(), false, true));
        int[] staff = staffCounts(facilities, count - 1);
        List<Integer> clinics = IntStream.range(0, facilities.size())
                .filter(i -> facilities.get(i).kind() == FacilityKind.CLINIC).boxed().toList();
        LoginIds loginIds = new LoginIds();
        for (int facility = 0; facility < staff.length; facility++) {
            FacilityKind kind = facilities.get(facility).kind();
            for (int n = 0; n < staff[facility]; n++) {
                Profession profession = Staffing.nth(kind, n);
                List<Integer> memberships = memberships(facility, kind, profession, n, clinics);
                users.add(user(loginIds.next(profession), profession, memberships, n == 0, false));
            }
        }
        return users;
    }

    private SynthUser user(String loginId, Profession profession, List<Integer> facilityIndexes,
            boolean facilityAdmin, boolean networkAdmin) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        int birthYear = random.nextInt(EARLIEST_STAFF_BIRTH_YEAR, LATEST_STAFF_BIRTH_YEAR + 1);
        Reading family = NameBook.surname(random);
        Reading given = NameBook.givenName(random, sex, birthYear);
        return new SynthUser(loginId, family.kanji(), given.kanji(), family.kana(), given.kana(),
                profession, facilityIndexes, facilityAdmin, networkAdmin);
    }

    private List<Integer> memberships(
            int facility, FacilityKind kind, Profession profession, int n, List<Integer> clinics) {
        boolean alsoAtClinic = n > 0 && kind == FacilityKind.HOSPITAL && profession == Profession.DOCTOR
                && !clinics.isEmpty() && random.nextInt(100) < SECOND_CLINIC_PERCENT;
        return alsoAtClinic
                ? List.of(facility, clinics.get(random.nextInt(clinics.size())))
                : List.of(facility);
    }

    /** How many users each facility gets: one each while they last, the rest by weight. */
    private int[] staffCounts(List<SynthFacility> facilities, int staff) {
        int[] counts = new int[facilities.size()];
        int covered = Math.min(staff, counts.length);
        Arrays.fill(counts, 0, covered, 1);
        if (staff > covered) {
            Weights weights = Weights.of(facilities, f -> Staffing.weight(f.kind()));
            for (int extra = covered; extra < staff; extra++) {
                counts[weights.draw(random)]++;
            }
        }
        return counts;
    }
}
