package org.musubi.synth.facilities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.musubi.registry.FacilityKind;
import org.musubi.synth.Seeds;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.population.Locality;
import org.musubi.synth.population.Municipality;
import org.musubi.synth.population.Reading;

/**
 * Makes a network's facilities: kinds from {@link FacilityMix}, invented names (redrawn a few
 * times to avoid repeats, then made a branch such as さくら薬局呉若葉店), codes, places, and
 * what each shares and sees. Hospitals, pharmacies, lab and checkup centres disclose; the first clinic and the first home-nursing station do,
 * later ones sometimes. Everyone views except lab and checkup centres, which only supply data.
 */
public final class FacilityFactory {

    private static final int NAME_ATTEMPTS = 8;

    private final SplittableRandom random;
    private final Locality locality;
    private final InstitutionCodes codes;

    public FacilityFactory(long seed, Locality locality) {
        this.random = new SplittableRandom(Seeds.derive(seed, Seeds.FACILITIES));
        this.locality = locality;
        this.codes = new InstitutionCodes(seed, locality.prefecture());
    }

    public List<SynthFacility> facilities(int count) {
        List<FacilityKind> kinds = FacilityMix.kinds(count, random);
        Map<FacilityKind, Integer> seen = new EnumMap<>(FacilityKind.class);
        Set<String> names = new HashSet<>();
        List<SynthFacility> facilities = new ArrayList<>(count);
        for (int i = 0; i < kinds.size(); i++) {
            FacilityKind kind = kinds.get(i);
            int nthOfKind = seen.merge(kind, 1, Integer::sum) - 1;
            facilities.add(facility(kind, i, nthOfKind, names));
        }
        return facilities;
    }

    private SynthFacility facility(FacilityKind kind, int index, int nthOfKind, Set<String> names) {
        Municipality municipality = locality.municipality(random);
        Reading name = uniqueName(kind, municipality, names);
        return new SynthFacility(name.kanji(), name.kana(), kind, codes.of(kind, index),
                locality.prefecture(), locality.postalCode(random, municipality),
                locality.address(random, municipality), locality.landline(random, municipality),
                disclosing(kind, nthOfKind), viewing(kind));
    }

    private Reading uniqueName(FacilityKind kind, Municipality municipality, Set<String> names) {
        Reading name = FacilityNames.name(kind, municipality, random);
        for (int attempt = 1; attempt < NAME_ATTEMPTS && names.contains(name.kanji()); attempt++) {
            name = FacilityNames.name(kind, municipality, random);
        }
        Reading plain = name;
        for (int attempt = 0; attempt < NAME_ATTEMPTS && names.contains(name.kanji()); attempt++) {
            name = FacilityNames.branch(plain, kind, municipality, random);
        }
        names.add(name.kanji());
        return name;
    }

    private boolean disclosing(FacilityKind kind, int nthOfKind) {
        return switch (kind) {
            case HOSPITAL, PHARMACY, LAB_CENTRE, CHECKUP_CENTRE -> true;
            case CLINIC, HOME_NURSING_STATION -> nthOfKind == 0 || (nthOfKind > 1 && random.nextInt(10) < 4);
            case DENTAL_CLINIC -> nthOfKind > 0 && random.nextInt(10) < 3;
            case CARE_FACILITY, FIRE_DEPARTMENT, MUNICIPALITY, OTHER, PERSONAL_HEALTH_RECORD, PUBLIC_HEALTH_CENTER -> false;
        };
    }

    private static boolean viewing(FacilityKind kind) {
        return kind != FacilityKind.LAB_CENTRE && kind != FacilityKind.CHECKUP_CENTRE;
    }
}
