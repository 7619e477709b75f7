package org.musubi.registry;

import java.util.List;
import java.util.Optional;

/**
 * A participating facility. {@code disclosing} (開示): it shares its data with the network;
 * {@code viewing} (参照): its users may view others' data. {@code identifierSystems}: the systems declared as its
 * patient IDs besides its built-in one, in declaration order ({@code systems.DeclaredSystems}).
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
        FacilityStatus status,
        List<String> identifierSystems) {

    public Facility {
        identifierSystems = identifierSystems == null ? List.of() : List.copyOf(identifierSystems);
    }

    /** A facility with no declared identifier systems. */
    public Facility(long id, String nameKanji, String nameKana, FacilityKind kind, MedicalInstitutionCode code,
                    int prefecture, String address, String phone, boolean disclosing, boolean viewing,
                    FacilityStatus status) {
        this(id, nameKanji, nameKana, kind, code, prefecture, address, phone, disclosing, viewing, status, List.of());
    }

    public Optional<MedicalInstitutionCode> medicalInstitutionCode() {
        return Optional.ofNullable(code);
    }

    public boolean active() {
        return status == FacilityStatus.ACTIVE;
    }
}
