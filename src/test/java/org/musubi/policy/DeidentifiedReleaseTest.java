package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.policy;
import static org.musubi.policy.PolicyFixtures.requester;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;

/**
 * {@link DeidentifiedRelease#decide} (issue 48): research reads no record, and its de-identified release is
 * permitted only to a named user or the committee of a project approved and running, for clinical categories only.
 */
class DeidentifiedReleaseTest {

    private static final Set<DataCategory> CLINICAL = Set.of(DataCategory.DIAGNOSES, DataCategory.LAB_RESULTS);

    @Test
    void aNamedUserOfARunningProjectReleasesClinicalCategories() {
        assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A"), true, true, CLINICAL))
                .isEqualTo(new Permit(Permit.DEIDENTIFIED_RELEASE));
        assertThat(DeidentifiedRelease.decide(requester("NETWORK_OPERATOR@- admin"), true, false, CLINICAL))
                .as("the committee").isEqualTo(new Permit(Permit.DEIDENTIFIED_RELEASE));
    }

    @Test
    void anyoneElseOrAProjectNotRunningIsRefused() {
        Deny notApproved = new Deny(Deny.RESEARCH_NOT_APPROVED);
        assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A"), true, false, CLINICAL)).isEqualTo(notApproved);
        assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A"), false, true, CLINICAL)).isEqualTo(notApproved);
        assertThat(DeidentifiedRelease.decide(requester("patient"), true, true, CLINICAL)).isEqualTo(notApproved);
        assertThat(DeidentifiedRelease.decide(requester("FACILITY_SYSTEM@A"), true, true, CLINICAL))
                .isEqualTo(notApproved);
        assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A disabled"), true, true, CLINICAL))
                .isEqualTo(new Deny(Deny.USER_DISABLED));
        assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A suspended"), true, true, CLINICAL))
                .isEqualTo(new Deny(Deny.FACILITY_SUSPENDED));
    }

    @Test
    void onlyClinicalCategoriesAreReleased() {
        Deny category = new Deny(Deny.RESEARCH_CATEGORY);
        for (DataCategory c : Set.of(DataCategory.DEMOGRAPHICS, DataCategory.ADMINISTRATIVE, DataCategory.UNINFORMED,
                DataCategory.UNDELIVERED, DataCategory.DOCUMENTS)) {
            assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A"), true, true, Set.of(DataCategory.DIAGNOSES, c)))
                    .as(c.name()).isEqualTo(category);
        }
        assertThat(DeidentifiedRelease.decide(requester("DOCTOR@A"), true, true, Set.of())).isEqualTo(category);
    }

    @Test
    void researchStillReadsNoRecord() {
        assertThat(policy().decide(requester("DOCTOR@A"), Purpose.RESEARCH, PolicyFixtures.facts("consented"),
                PolicyFixtures.item("A:DIAGNOSES"))).isEqualTo(new Deny(Deny.RESEARCH_NOT_THROUGH_RECORDS));
    }
}
