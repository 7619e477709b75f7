package org.musubi.portal.admin.facilities;

import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;

/** The facility form's fields, as bound from the request. */
record FacilityForm(String nameKanji, String nameKana, FacilityKind kind, String code, Integer prefecture,
                    String address, String phone, Boolean disclosing, Boolean viewing, FacilityStatus status) {

    /** Unchecked checkboxes are absent from the request: they mean false. */
    FacilityForm {
        disclosing = Boolean.TRUE.equals(disclosing);
        viewing = Boolean.TRUE.equals(viewing);
    }

    static FacilityForm empty() {
        return new FacilityForm("", "", FacilityKind.CLINIC, "", 34, "", "", false, true, FacilityStatus.ACTIVE);
    }

    static FacilityForm of(Facility f) {
        return new FacilityForm(f.nameKanji(), f.nameKana(), f.kind(),
                f.medicalInstitutionCode().map(c -> c.value()).orElse(""), f.prefecture(), f.address(), f.phone(),
                f.disclosing(), f.viewing(), f.status());
    }

    FacilityDraft draft() {
        return new FacilityDraft(nameKanji, nameKana, kind, code, prefecture, address, phone, disclosing, viewing,
                status == null ? FacilityStatus.ACTIVE : status);
    }
}
