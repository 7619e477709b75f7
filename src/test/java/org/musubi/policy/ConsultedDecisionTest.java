package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.PERSON;
import static org.musubi.policy.PolicyFixtures.item;
import static org.musubi.policy.PolicyFixtures.requester;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;

/**
 * The addressee's rule of a case consultation (症例相談, {@link AccessPolicy#decideDisclosed} (a {@code CONSULTATION})): asked from facility A, a
 * doctor of C (the addressee) reads the thread — A's documents — and what A referenced in it without any link; an item
 * of another facility (B) only with the person's consent covering it and never of a category the network never
 * shares; nothing for a facility that is not the addressee, a blocked facility, a profession that may not see
 * documents, a disabled user, data flagged 未提供.
 */
class ConsultedDecisionTest {

    private static final long A = 1;
    private static final long C = 3;
    private static final ConsentGrant ALL = new ConsentGrant(1, ConsentGrant.Scope.ALL_FACILITIES, null,
            Set.of(Purpose.TREATMENT), true);
    private final AccessPolicy policy = PolicyFixtures.policy();

    private static PersonFacts facts(List<ConsentGrant> consents, Set<Long> blocked) {
        return new PersonFacts(PERSON, consents, List.of(), blocked, List.of(), Set.of(1L), List.of(), false, List.of());
    }

    private Decision decide(String who, PersonFacts facts, String item) {
        return policy.decideDisclosed(requester(who), facts, Disclosure.consultation(0, 1, C).from(A),
                item == null ? null : item(item));
    }

    @Test
    void theAddresseeReadsTheThreadAndWhatItReferencesWithoutALink() {
        Permit consulted = new Permit(Permit.CONSULTED_THREAD);
        PersonFacts none = facts(List.of(), Set.of());
        assertThat(decide("DOCTOR@C", none, null)).as("the thread, no consent or link asked").isEqualTo(consulted);
        assertThat(decide("DOCTOR@C", none, "A:DOCUMENTS")).isEqualTo(consulted);
        assertThat(decide("DOCTOR@C", none, "A:LAB_RESULTS")).as("A's referenced result").isEqualTo(consulted);
        assertThat(decide("DOCTOR@C", facts(List.of(ALL), Set.of()), "B:LAB_RESULTS"))
                .as("another facility's item, under consent").isEqualTo(consulted);
    }

    @Test
    void nothingElse() {
        PersonFacts consented = facts(List.of(ALL), Set.of());
        assertThat(decide("DOCTOR@B", consented, null)).as("not the addressee").isEqualTo(new Deny(Deny.NOT_ADDRESSED));
        assertThat(decide("DOCTOR@C", facts(List.of(ALL), Set.of(C)), null)).isEqualTo(new Deny(Deny.FACILITY_BLOCKED));
        assertThat(decide("DOCTOR@C disabled", consented, null)).isEqualTo(new Deny(Deny.USER_DISABLED));
        assertThat(decide("MEDICAL_CLERK@C", consented, null)).as("a clerk of the department")
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
        assertThat(decide("CARE_MANAGER@C", consented, null)).as("care staff do not read documents")
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
        assertThat(decide("PHARMACIST@C", consented, "A:PROCEDURES")).as("the matrix per item")
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
        assertThat(decide("DOCTOR@C", facts(List.of(), Set.of()), "B:LAB_RESULTS")).as("B's item without consent")
                .isEqualTo(new Deny(Deny.NO_CONSENT));
        assertThat(decide("DOCTOR@C", consented, "A:UNDELIVERED")).isEqualTo(new Deny(Deny.NOT_FOR_SHARING));
        assertThat(decide("DOCTOR@C", consented, "B:ADMINISTRATIVE")).isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
    }
}
