package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.facts;
import static org.musubi.policy.PolicyFixtures.item;
import static org.musubi.policy.PolicyFixtures.requester;

import org.junit.jupiter.api.Test;

/**
 * {@link AccessPolicy#decideDisclosed} of a {@link DisclosureKind#LETTER}: the facility a letter is addressed to (B in {@link PolicyFixtures}) reads it like
 * a fax — without consent or link —, nobody else does through it, a block wins, and the profession matrix still
 * decides each kind of data in it.
 */
class AddressedLetterDecisionTest {

    private static final long B = 2;
    private final AccessPolicy policy = PolicyFixtures.policy();

    @Test
    void theAddresseeReadsTheLetterWithoutConsentOrLink() {
        assertThat(decideDisclosed(requester("DOCTOR@B"), facts("noConsent"), null, B))
                .isEqualTo(new Permit(Permit.ADDRESSED_LETTER));
        assertThat(decideDisclosed(requester("DOCTOR@B"), facts("noLink"), item("A:REFERRALS"), B))
                .isEqualTo(new Permit(Permit.ADDRESSED_LETTER));
        assertThat(decideDisclosed(requester("PHARMACIST@B"), facts("noConsent"), item("A:LAB_RESULTS"), B))
                .isEqualTo(new Permit(Permit.ADDRESSED_LETTER));
        assertThat(decideDisclosed(requester("DOCTOR@B"), facts("noConsent"), item("A:UNINFORMED"), B))
                .as("a clinician reads what the patient has not been told yet").isEqualTo(new Permit(Permit.ADDRESSED_LETTER));
    }

    @Test
    void anotherFacilityIsNotTheAddresseeWhateverItsConsentAndLink() {
        assertThat(decideDisclosed(requester("DOCTOR@C"), facts("consented"), null, B))
                .isEqualTo(new Deny(Deny.NOT_ADDRESSED));
        assertThat(decideDisclosed(requester("DOCTOR@A"), facts("consented"), item("A:REFERRALS"), B))
                .as("not even the sender reads through the addressee's door").isEqualTo(new Deny(Deny.NOT_ADDRESSED));
        assertThat(decideDisclosed(requester("patient"), facts("consented"), null, B))
                .isEqualTo(new Deny(Deny.NOT_ADDRESSED));
    }

    @Test
    void aBlockADisabledUserOrASuspendedFacilityComeFirst() {
        assertThat(decideDisclosed(requester("DOCTOR@B"), facts("blockedB"), null, B))
                .isEqualTo(new Deny(Deny.FACILITY_BLOCKED));
        assertThat(decideDisclosed(requester("DOCTOR@B disabled"), facts("consented"), null, B))
                .isEqualTo(new Deny(Deny.USER_DISABLED));
        assertThat(decideDisclosed(requester("DOCTOR@B suspended"), facts("consented"), null, B))
                .isEqualTo(new Deny(Deny.FACILITY_SUSPENDED));
    }

    @Test
    void theMatrixDecidesTheLetterAndEachKindInItAndWhatIsNotSharedStaysOut() {
        assertThat(decideDisclosed(requester("PHYSICAL_THERAPIST@B"), facts("consented"), null, B))
                .as("therapists see no referrals").isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
        assertThat(decideDisclosed(requester("PHARMACIST@B"), facts("consented"), item("A:IMAGING"), B))
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
        assertThat(decideDisclosed(requester("DOCTOR@B"), facts("consented"), item("A:UNDELIVERED"), B))
                .isEqualTo(new Deny(Deny.NOT_FOR_SHARING));
    }

    /** A letter from a patient of A addressed to {@code addressee}, as the policy decides it. */
    private Decision decideDisclosed(Requester requester, PersonFacts facts, DataItem item, long addressee) {
        return policy.decideDisclosed(requester, facts, Disclosure.letter(0, 1, addressee).from(1), item);
    }
}
