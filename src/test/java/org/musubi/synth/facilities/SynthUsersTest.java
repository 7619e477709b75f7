package org.musubi.synth.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.synth.Katakana;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SynthUser;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;

class SynthUsersTest {

    private final SyntheticNetwork demo = new SyntheticNetworkGenerator().generate(42, SynthSize.demo());
    private final List<SynthUser> users = demo.users();

    @Test
    void firstUserIsTheNetworkOperatorAdmin() {
        SynthUser admin = users.getFirst();

        assertThat(admin.loginId()).isEqualTo("admin");
        assertThat(admin.profession()).isEqualTo(Profession.NETWORK_OPERATOR);
        assertThat(admin.networkAdmin()).isTrue();
        assertThat(admin.facilityIndexes()).isEmpty();
        assertThat(users.stream().filter(SynthUser::networkAdmin)).containsExactly(admin);
    }

    @Test
    void everyFacilityHasExactlyOneFacilityAdmin() {
        assertThat(users).hasSize(40);
        for (int facility = 0; facility < demo.facilities().size(); facility++) {
            int index = facility;
            assertThat(users.stream().filter(u -> u.facilityAdmin() && u.facilityIndexes().getFirst() == index))
                    .as("admins of facility %d", facility).hasSize(1);
        }
    }

    @Test
    void firstHospitalIsAdministeredByDoctor1() {
        SynthUser doctor1 = users.stream().filter(u -> u.loginId().equals("doctor1")).findFirst().orElseThrow();

        assertThat(doctor1.profession()).isEqualTo(Profession.DOCTOR);
        assertThat(doctor1.facilityAdmin()).isTrue();
        assertThat(doctor1.facilityIndexes().getFirst()).isZero();
        assertThat(demo.facilities().getFirst().kind()).isEqualTo(FacilityKind.HOSPITAL);
    }

    @Test
    void loginIdsAreUniqueLowercaseStemsWithRunningNumbers() {
        assertThat(users.stream().map(SynthUser::loginId)).doesNotHaveDuplicates()
                .allMatch(id -> id.equals("admin") || id.matches("[a-z]+[1-9]\\d*"))
                .contains("doctor1", "nurse1", "pharmacist1", "dentist1", "caremanager1", "paramedic1");
    }

    @Test
    void professionsFitTheKindOfEachUsersFacilities() {
        for (SynthUser user : users.subList(1, users.size())) {
            assertThat(user.facilityIndexes()).isNotEmpty().allSatisfy(index -> {
                FacilityKind kind = demo.facilities().get(index).kind();
                assertThat(Staffing.professions(kind)).as(user.loginId()).contains(user.profession());
            });
        }
    }

    @Test
    void namesHaveFullWidthKatakanaReadings() {
        assertThat(users).allSatisfy(u -> {
            assertThat(Katakana.fullWidth(u.familyKana())).as(u.familyKana()).isTrue();
            assertThat(Katakana.fullWidth(u.givenKana())).as(u.givenKana()).isTrue();
        });
    }

    @Test
    void someFacilitiesGoWithoutUsersWhenThereAreTooFewUsers() {
        SyntheticNetwork small = new SyntheticNetworkGenerator().generate(42, new SynthSize(12, 5, 0));

        assertThat(small.users()).hasSize(5);
        assertThat(small.users().stream().filter(SynthUser::facilityAdmin)).hasSize(4);
    }
}
