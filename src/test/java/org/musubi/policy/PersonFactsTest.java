package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;

/** The value types the policy reads: consents, links, break-the-glass accesses and requesters. */
class PersonFactsTest {

    @Test
    void aDisclosureCardConsentCoversOnlyItsIssuingFacility() {
        ConsentGrant card = new ConsentGrant(1, ConsentGrant.Scope.ONE_FACILITY, 10L, Set.of(Purpose.TREATMENT), true);

        assertThat(card.covers(10, Purpose.TREATMENT)).isTrue();
        assertThat(card.covers(11, Purpose.TREATMENT)).isFalse();
        assertThat(card.covers(10, Purpose.EMERGENCY)).isFalse();
    }

    @Test
    void aWithdrawnConsentCoversNothing() {
        ConsentGrant withdrawn = new ConsentGrant(1, ConsentGrant.Scope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT), false);

        assertThat(withdrawn.grants(Purpose.TREATMENT)).isFalse();
        assertThat(withdrawn.covers(10, Purpose.TREATMENT)).isFalse();
    }

    @Test
    void rejectsAConsentWhoseFacilityDoesNotMatchItsScope() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ConsentGrant(1, ConsentGrant.Scope.ONE_FACILITY, null, Set.of(Purpose.TREATMENT), true));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ConsentGrant(1, ConsentGrant.Scope.ALL_FACILITIES, 10L, Set.of(Purpose.TREATMENT), true));
    }

    @Test
    void aLinkLivesUpToAndIncludingItsIdlePeriod() {
        Duration idle = Duration.ofDays(180);
        FacilityLink link = new FacilityLink(2, PolicyFixtures.NOW, false);

        assertThat(link.liveAt(PolicyFixtures.NOW.plus(idle), idle)).isTrue();
        assertThat(link.expiredAt(PolicyFixtures.NOW.plus(idle).plusMillis(1), idle)).isTrue();
        assertThat(new FacilityLink(2, PolicyFixtures.NOW, true).liveAt(PolicyFixtures.NOW, idle)).isFalse();
    }

    @Test
    void aBreakTheGlassClosesAtItsExpiry() {
        EmergencyAccess access = new EmergencyAccess(7, PolicyFixtures.NOW, "心肺停止");

        assertThat(access.openAt(PolicyFixtures.NOW.minusNanos(1))).isTrue();
        assertThat(access.openAt(PolicyFixtures.NOW)).isFalse();
    }

    @Test
    void aRequesterWithoutFacilityIsNeitherBlockedNorSuspended() {
        Requester patient = PolicyFixtures.requester("patient suspended");
        PersonFacts facts = new PersonFacts(100, List.of(), List.of(), Set.of(1L), List.of());

        assertThat(facts.blocks(patient)).isFalse();
        assertThat(patient.facilitySuspended()).isFalse();
        assertThat(patient.actsFor(1)).isFalse();
    }

    @Test
    void factsAreCopiedSoCallersCannotChangeThemAfterTheDecision() {
        List<ConsentGrant> consents = new ArrayList<>();
        PersonFacts facts = new PersonFacts(100, consents, List.of(), Set.of(), List.of());
        consents.add(new ConsentGrant(1, ConsentGrant.Scope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), true));

        assertThat(facts.consents()).isEmpty();
    }
}
