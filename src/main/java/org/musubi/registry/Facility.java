package org.musubi.registry;

import java.util.Optional;

/**
 * A participating facility. {@code disclosing} (開示): it shares its data with the network;
 * {@code viewing} (参照): its users may view others' data.
 */
public record Facility(
        long id,
        String nameKanji,
        String nameKana,
        FacilityKind kind,
        MedicalInstitutionCode code,
        int prefecture,
        String address,
        String phone,
        boolean disclosing,
        boolean viewing,
        FacilityStatus status) {

    public Optional<MedicalInstitutionCode> medicalInstitutionCode() {
        return Optional.ofNullable(code);
    }

    public boolean active() {
        return status == FacilityStatus.ACTIVE;
    }
}
