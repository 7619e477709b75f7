package org.musubi.registry.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.NotPermitted;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** A facility's profile: defaults before anyone sets it, stored as set, set by a network administrator only, audited. */
@MusubiIntegrationTest
class FacilityProfilesIT {

    @Autowired
    FacilityProfiles profiles;
    @Autowired
    SetFacilityProfile setProfile;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditRows audit;

    @Test
    void aNewFacilityJoinedTheDayItWasRegisteredIsListedAndAcceptsTheRegionalCard() {
        Facility clinic = accounts.newHospital();

        FacilityProfile profile = profiles.of(clinic.id()).orElseThrow();

        assertThat(profile.joinedOn()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo")));
        assertThat(profile.listed()).isTrue();
        assertThat(profile.acceptedCards()).containsExactly(AcceptedCard.REGIONAL);
        assertThat(profile.municipality()).isEmpty();
        assertThat(profile.leftOn()).isEmpty();
        assertThat(profiles.of(Long.MAX_VALUE)).isEmpty();
        assertThat(profiles.all()).anyMatch(p -> p.facilityId() == clinic.id());
    }

    @Test
    void aNetworkAdministratorSetsTheProfileWithOneAuditRowAndAnyoneElseIsRefusedWithOne() {
        Facility hospital = accounts.newHospital();
        FacilityProfile wanted = new FacilityProfile(hospital.id(), Optional.of(" 呉市 "), Optional.of(320),
                Set.of(AcceptedCard.REGIONAL, AcceptedCard.DISCLOSURE), false, LocalDate.of(2025, 4, 1),
                Optional.of(LocalDate.of(2026, 3, 31)));
        long before = audit.max();

        setProfile.set(new Administrator(1, true, Set.of()), wanted);

        FacilityProfile stored = profiles.of(hospital.id()).orElseThrow();
        assertThat(stored).isEqualTo(wanted);
        assertThat(stored.municipality()).contains("呉市");
        assertThat(stored.partOn(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(stored.partOn(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(audit.reasons(before, "FACILITY_UPDATE", "Facility")).containsExactly("profile");

        long second = audit.max();
        assertThatThrownBy(() -> setProfile.set(new Administrator(2, false, Set.of(hospital.id())),
                FacilityProfile.defaults(hospital.id(), LocalDate.of(2020, 1, 1)))).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> setProfile.set(new Administrator(1, true, Set.of()),
                FacilityProfile.defaults(Long.MAX_VALUE, LocalDate.of(2020, 1, 1)))).isInstanceOf(NotPermitted.class);
        assertThat(audit.reasons(second, "FACILITY_UPDATE", "Facility"))
                .containsExactly("not a network admin", "no such facility");
        assertThat(profiles.of(hospital.id())).contains(wanted);
    }

    @Test
    void aProfileRefusesWhatCannotBe() {
        assertThatThrownBy(() -> new FacilityProfile(1, Optional.empty(), Optional.of(-1), Set.of(), true,
                LocalDate.of(2025, 1, 1), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FacilityProfile(1, Optional.empty(), Optional.empty(), Set.of(), true,
                LocalDate.of(2025, 1, 1), Optional.of(LocalDate.of(2024, 12, 31))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
