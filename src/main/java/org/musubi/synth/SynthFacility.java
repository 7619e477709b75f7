package org.musubi.synth;

import org.musubi.registry.FacilityKind;
import org.musubi.registry.MedicalInstitutionCode;

/**
 * A generated participating facility with an invented name. {@code code} is null when the kind
 * carries no medical-institution code; {@code disclosing} (開示) and {@code viewing} (参照) mean
 * the same as on {@link org.musubi.registry.Facility}.
 */
public record SynthFacility(
        String nameKanji,
        String nameKana,
        FacilityKind kind,
        MedicalInstitutionCode code,
        int prefecture,
        String postalCode,
        String address,
        String phone,
        boolean disclosing,
        boolean viewing) {
}
