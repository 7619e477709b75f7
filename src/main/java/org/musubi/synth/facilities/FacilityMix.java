package org.musubi.synth.facilities;

import static org.musubi.registry.FacilityKind.CARE_FACILITY;
import static org.musubi.registry.FacilityKind.CHECKUP_CENTRE;
import static org.musubi.registry.FacilityKind.CLINIC;
import static org.musubi.registry.FacilityKind.DENTAL_CLINIC;
import static org.musubi.registry.FacilityKind.FIRE_DEPARTMENT;
import static org.musubi.registry.FacilityKind.HOME_NURSING_STATION;
import static org.musubi.registry.FacilityKind.HOSPITAL;
import static org.musubi.registry.FacilityKind.LAB_CENTRE;
import static org.musubi.registry.FacilityKind.MUNICIPALITY;
import static org.musubi.registry.FacilityKind.PHARMACY;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.registry.FacilityKind;
import org.musubi.synth.Weights;

/**
 * Which kinds of facility a network of a given size has. The first twelve follow a fixed order
 * so that twelve facilities cover every kind (two hospitals, two clinics, one of each other
 * kind); beyond that, kinds are drawn with weights resembling a regional network, where clinics
 * and pharmacies dominate. The result is ordered by kind, hospitals first.
 */
final class FacilityMix {

    private static final List<FacilityKind> FIRST = List.of(HOSPITAL, CLINIC, PHARMACY, DENTAL_CLINIC,
            HOME_NURSING_STATION, CARE_FACILITY, MUNICIPALITY, FIRE_DEPARTMENT, LAB_CENTRE,
            CHECKUP_CENTRE, HOSPITAL, CLINIC);

    private static final List<FacilityKind> LATER = List.of(HOSPITAL, CLINIC, DENTAL_CLINIC, PHARMACY,
            HOME_NURSING_STATION, CARE_FACILITY, MUNICIPALITY, FIRE_DEPARTMENT, CHECKUP_CENTRE);
    /** Percentages, in the order of {@code LATER}. */
    private static final Weights LATER_WEIGHTS = new Weights(5, 40, 12, 24, 7, 9, 1, 1, 1);

    private FacilityMix() {
    }

    static List<FacilityKind> kinds(int count, SplittableRandom random) {
        List<FacilityKind> kinds = new ArrayList<>(FIRST.subList(0, Math.min(count, FIRST.size())));
        for (int i = FIRST.size(); i < count; i++) {
            kinds.add(LATER.get(LATER_WEIGHTS.draw(random)));
        }
        kinds.sort(null);
        return kinds;
    }
}
