package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetworkGenerator;

class DemoProfilesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void theMunicipalityIsWhatTheAddressSaysAfterThePrefecture() {
        assertThat(DemoProfiles.municipality(at("733-1553 広島県広島市西区寺町5丁目12番14号"))).contains("広島市西区");
        assertThat(DemoProfiles.municipality(at("731-0001 広島県広島市安佐南区緑ヶ丘1丁目13番10号"))).contains("広島市安佐南区");
        assertThat(DemoProfiles.municipality(at("737-0001 広島県呉市桜町4丁目19番14号"))).contains("呉市");
        assertThat(DemoProfiles.municipality(at("728-0001 広島県三次市中町2丁目1番20号"))).contains("三次市");
        assertThat(DemoProfiles.municipality(at("738-0001 広島県廿日市市本町1丁目1番1号"))).contains("廿日市市");
        assertThat(DemoProfiles.municipality(at("735-0001 広島県安芸郡府中町若葉町1丁目1番1号"))).contains("安芸郡府中町");
        assertThat(DemoProfiles.municipality(at("739-0001 広島県東広島市城南1丁目1番1号"))).contains("東広島市");
    }

    @Test
    void theDemoFacilitiesGetRealisticProfilesTheSameForTheSameSeed() {
        List<FacilityProfile> first = seed(20260401L);
        assertThat(seed(20260401L)).isEqualTo(first);
        List<Facility> facilities = demoFacilities(20260401L);
        for (int i = 0; i < facilities.size(); i++) {
            Facility f = facilities.get(i);
            FacilityProfile p = first.get(i);
            assertThat(p.facilityId()).isEqualTo(f.id());
            assertThat(f.address()).contains("広島県" + p.municipality().orElseThrow());
            assertThat(p.acceptedCards()).contains(AcceptedCard.REGIONAL);
            if (f.kind() == FacilityKind.HOSPITAL) {
                assertThat(p.acceptedCards()).contains(AcceptedCard.DISCLOSURE);
                assertThat(p.beds()).hasValueSatisfying(b -> assertThat(b).isGreaterThanOrEqualTo(20));
            } else if (f.kind() != FacilityKind.CLINIC) {
                assertThat(p.beds()).contains(0);
            }
            assertThat(p.joinedOn()).isBeforeOrEqualTo(TODAY);
        }
        assertThat(first).filteredOn(p -> !p.listed()).hasSize(1);
        assertThat(first).filteredOn(p -> p.leftOn().isPresent()).singleElement()
                .satisfies(p -> assertThat(p.leftOn().orElseThrow()).hasMonth(TODAY.minusMonths(1).getMonth()));
        assertThat(first).filteredOn(p -> p.acceptedCards().contains(AcceptedCard.MY_NUMBER)).isNotEmpty();
        assertThat(first).filteredOn(p -> p.joinedOn().isBefore(TODAY.minusMonths(12))).isNotEmpty();
        assertThat(first).filteredOn(p -> p.joinedOn().withDayOfMonth(1).equals(TODAY.withDayOfMonth(1))).isNotEmpty();
        assertThat(first.stream().map(p -> p.joinedOn().withDayOfMonth(1)).distinct().count())
                .isGreaterThan(first.size() / 2);
    }

    private static List<FacilityProfile> seed(long seed) {
        Facilities facilities = mock(Facilities.class);
        when(facilities.all()).thenReturn(demoFacilities(seed));
        List<FacilityProfile> saved = new ArrayList<>();
        FacilityProfiles profiles = mock(FacilityProfiles.class);
        when(profiles.save(any())).thenAnswer(call -> saved.add(call.getArgument(0)));
        new DemoProfiles(facilities, profiles, mock(Audit.class)).seed(seed, TODAY);
        return saved;
    }

    private static List<Facility> demoFacilities(long seed) {
        List<Facility> facilities = new ArrayList<>();
        long id = 100;
        for (SynthFacility f : new SyntheticNetworkGenerator().generate(seed, SynthSize.demo()).facilities()) {
            facilities.add(new Facility(id++, f.nameKanji(), f.nameKana(), f.kind(), f.code(), f.prefecture(),
                    f.postalCode() + " " + f.address(), f.phone(), f.disclosing(), f.viewing(), FacilityStatus.ACTIVE));
        }
        return facilities;
    }

    private static Facility at(String address) {
        return new Facility(1, "施設", "シセツ", FacilityKind.CLINIC, null, 34, address, "082-000-0000", false, true,
                FacilityStatus.ACTIVE);
    }
}
