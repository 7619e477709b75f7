package org.musubi.synth;

import java.util.List;
import org.musubi.registry.Profession;

/**
 * A generated user. {@code facilityIndexes} point into {@link SyntheticNetwork#facilities()};
 * the first one is the facility the user acts for, and {@code facilityAdmin} means the user
 * administers that first facility.
 */
public record SynthUser(
        String loginId,
        String familyKanji,
        String givenKanji,
        String familyKana,
        String givenKana,
        Profession profession,
        List<Integer> facilityIndexes,
        boolean facilityAdmin,
        boolean networkAdmin) {

    public SynthUser {
        facilityIndexes = List.copyOf(facilityIndexes);
    }
}
