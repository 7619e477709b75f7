package org.musubi.ingest;

import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;

/** A fresh facility of a kind for an import test, so that tests never see each other's patients. */
final class ImportFacilities {

    private ImportFacilities() {
    }

    static Facility fresh(Facilities facilities, FacilityKind kind, String name) {
        int feeTable = kind == FacilityKind.PHARMACY ? 4 : 1;
        String code = org.musubi.testing.TestAccounts.unusedInstitutionCode(facilities, feeTable);
        return facilities.insert(new FacilityDraft(name, "テスト", kind, code, 34, "広島市中区", "082-000-0000", true, true,
                FacilityStatus.ACTIVE));
    }
}
