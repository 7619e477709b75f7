package org.musubi.surveillance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.TestAccounts;

/**
 * A municipality of its own for one test (a name no other test uses: the test database is shared): three hospitals
 * there and a public-health office.
 */
record SurveillanceRegion(String municipality, List<Facility> hospitals, Facility office) {

    static SurveillanceRegion make(TestAccounts accounts, Facilities facilities, FacilityProfiles profiles) {
        String municipality = "試験市" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        List<Facility> hospitals = List.of(accounts.newHospital(), accounts.newHospital(), accounts.newHospital());
        Facility office = facilities.insert(new FacilityDraft("試験保健所", "シケンホケンジョ",
                FacilityKind.PUBLIC_HEALTH_CENTER, null, 34, "広島市中区基町" + municipality, null, false, false,
                FacilityStatus.ACTIVE));
        for (Facility f : hospitals) {
            profiles.save(new FacilityProfile(f.id(), Optional.of(municipality), Optional.empty(), Set.of(), true,
                    LocalDate.now().minusYears(1), Optional.empty()));
        }
        return new SurveillanceRegion(municipality, hospitals, office);
    }

    List<Long> hospitalIds() {
        return hospitals.stream().map(Facility::id).toList();
    }
}
