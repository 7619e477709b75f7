package org.musubi.synth.facilities;

import java.util.EnumMap;
import java.util.Map;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.synth.Seeds;

/**
 * Medical-institution codes for generated facilities. The fee-table digit follows the kind
 * (医科 1 for hospitals, clinics and lab centres, 非保険健診 2 for checkup centres, 歯科 3,
 * 調剤 4, 訪問看護 6); kinds without codes get none. The six district-and-number digits are an
 * affine permutation of the facility's index, so codes are unique for up to 990,000 facilities.
 */
final class InstitutionCodes {

    private static final int RANGE = 990_000;
    private static final int FIRST_NUMBER = 10_000;
    private static final int STEP = 104_729;
    private static final Map<FacilityKind, Integer> FEE_TABLES = new EnumMap<>(Map.of(
            FacilityKind.HOSPITAL, 1,
            FacilityKind.CLINIC, 1,
            FacilityKind.LAB_CENTRE, 1,
            FacilityKind.CHECKUP_CENTRE, 2,
            FacilityKind.DENTAL_CLINIC, 3,
            FacilityKind.PHARMACY, 4,
            FacilityKind.HOME_NURSING_STATION, 6,
            FacilityKind.OTHER, 1));

    private final int prefecture;
    private final int shift;

    InstitutionCodes(long seed, int prefecture) {
        this.prefecture = prefecture;
        this.shift = (int) Math.floorMod(Seeds.derive(seed, Seeds.CODES), (long) RANGE);
    }

    /** The code of the facility at this index, or null when its kind has no code. */
    MedicalInstitutionCode of(FacilityKind kind, int index) {
        Integer feeTable = FEE_TABLES.get(kind);
        if (feeTable == null) {
            return null;
        }
        if (index < 0 || index >= RANGE) {
            throw new IllegalArgumentException("too many facilities for unique codes: " + index);
        }
        long number = Math.floorMod((long) STEP * index + shift, (long) RANGE);
        return MedicalInstitutionCode.of(prefecture, feeTable, FIRST_NUMBER + (int) number);
    }
}
