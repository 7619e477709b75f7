package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/** Who may list their facility's linked patients (the home page's list). */
class LinkListDecisionTest {

    private final AccessPolicy policy = new AccessPolicy(ProfessionMatrix.defaults()
            .with(Profession.MUNICIPAL_STAFF, Set.of()), PolicyFixtures.CLOCK);

    @Test
    void permitsStaffOfAnActiveViewingFacilityWhoMaySeeDemographics() {
        assertThat(policy.decideLinkList(staff(Profession.DOCTOR))).isEqualTo(new Permit(Permit.LINKED_PATIENT_LIST));
        assertThat(policy.decideLinkList(staff(Profession.MEDICAL_CLERK))).isEqualTo(new Permit(Permit.LINKED_PATIENT_LIST));
    }

    @Test
    void deniesAProfessionThatMayNotSeeDemographics() {
        assertThat(policy.decideLinkList(staff(Profession.MUNICIPAL_STAFF)))
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
    }

    @Test
    void deniesWithoutAViewingFacility() {
        assertThat(policy.decideLinkList(new Requester(7, true, null, true, false, Profession.NETWORK_OPERATOR, true, null)))
                .isEqualTo(new Deny(Deny.FACILITY_NOT_VIEWING));
        assertThat(policy.decideLinkList(new Requester(7, true, 2L, true, false, Profession.DOCTOR, false, null)))
                .isEqualTo(new Deny(Deny.FACILITY_NOT_VIEWING));
    }

    @Test
    void deniesDisabledUsersAndSuspendedFacilitiesFirst() {
        assertThat(policy.decideLinkList(new Requester(7, false, 2L, true, true, Profession.DOCTOR, false, null)))
                .isEqualTo(new Deny(Deny.USER_DISABLED));
        assertThat(policy.decideLinkList(new Requester(7, true, 2L, false, true, Profession.DOCTOR, false, null)))
                .isEqualTo(new Deny(Deny.FACILITY_SUSPENDED));
    }

    private static Requester staff(Profession profession) {
        return new Requester(7, true, 2L, true, true, profession, false, null);
    }
}
