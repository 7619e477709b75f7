package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.NOW;
import static org.musubi.policy.PolicyFixtures.PERSON;
import static org.musubi.policy.PolicyFixtures.STAFF_USER;
import static org.musubi.policy.PolicyFixtures.item;
import static org.musubi.policy.PolicyFixtures.requester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/**
 * Rule 9's care-team route: a live member of the person's care team (joined for the facility they act for) sees the
 * record for treatment with the person's consent, without a link of their facility and whether or not it is a viewing
 * facility — and nothing else lets a member in: not a member, a member who left, a membership past its end, one for
 * another facility, a withdrawn consent, a block of the member's facility, a kind of data the profession may not see.
 */
class CareTeamDecisionTest {

    private static final long C = 3;
    private static final ConsentGrant ALL = new ConsentGrant(1, ConsentGrant.Scope.ALL_FACILITIES, null,
            Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), true);
    private static final ConsentGrant WITHDRAWN = new ConsentGrant(2, ConsentGrant.Scope.ALL_FACILITIES, null,
            Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), false);
    private final AccessPolicy policy = PolicyFixtures.policy();

    private static PersonFacts team(List<ConsentGrant> consents, Set<Long> blocked, PersonFacts.TeamMembership... members) {
        return new PersonFacts(PERSON, consents, List.of(), blocked, List.of(), Set.of(1L), List.of(), false,
                List.of(members));
    }

    private static PersonFacts.TeamMembership member(long facility, Instant until, boolean ended) {
        return new PersonFacts.TeamMembership(STAFF_USER, facility, until, ended);
    }

    @Test
    void aLiveMemberSeesTheRecordWithConsentWithoutALinkOrAViewingFacility() {
        PersonFacts facts = team(List.of(ALL), Set.of(), member(C, null, false));
        Permit member = new Permit(Permit.CARE_TEAM_MEMBER);
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, facts, false)).isEqualTo(member);
        assertThat(policy.decide(requester("CARE_MANAGER@C nonViewing"), Purpose.TREATMENT, facts, item("A:CARE_RECORDS")))
                .isEqualTo(member);
        assertThat(policy.decide(requester("NURSE@C"), Purpose.TREATMENT,
                team(List.of(ALL), Set.of(), member(C, NOW.plus(Duration.ofDays(1)), false)), item("A:LAB_RESULTS")))
                .as("until tomorrow").isEqualTo(member);
    }

    @Test
    void nothingElseLetsAMemberIn() {
        Deny notLinked = new Deny(Deny.NOT_LINKED);
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, team(List.of(ALL), Set.of(),
                new PersonFacts.TeamMembership(STAFF_USER + 1, C, null, false)),
                        false)).as("another user is the member")
                .isEqualTo(notLinked);
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, team(List.of(ALL), Set.of(),
                member(C, null, true)), false)).as("left the team").isEqualTo(notLinked);
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, team(List.of(ALL), Set.of(),
                member(C, NOW, false)), false)).as("its end is now").isEqualTo(notLinked);
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, team(List.of(ALL), Set.of(),
                member(2, null, false)), false)).as("joined for another facility").isEqualTo(notLinked);
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, team(List.of(WITHDRAWN), Set.of(),
                member(C, null, false)), false)).as("consent withdrawn").isEqualTo(new Deny(Deny.NO_CONSENT));
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.TREATMENT, team(List.of(ALL), Set.of(C),
                member(C, null, false)),
                        false)).as("the member's facility blocked").isEqualTo(new Deny(Deny.FACILITY_BLOCKED));
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C disabled"), Purpose.TREATMENT, team(List.of(ALL),
                Set.of(), member(C, null, false)), false)).isEqualTo(new Deny(Deny.USER_DISABLED));
        assertThat(policy.decidePerson(requester("CARE_MANAGER@C"), Purpose.EMERGENCY, team(List.of(ALL), Set.of(),
                member(C, null, false)), false)).as("membership is for treatment, never break-the-glass")
                .isNotEqualTo(new Permit(Permit.CARE_TEAM_MEMBER)).matches(d -> !d.permitted());
    }

    @Test
    void theMatrixStillDecidesEachKindOfData() {
        PersonFacts facts = team(List.of(ALL), Set.of(), member(C, null, false));
        ProfessionMatrix matrix = ProfessionMatrix.defaults();
        for (DataCategory category : DataCategory.values()) {
            if (category.flag() || DataCategory.SOURCE_FACILITY_ONLY.contains(category)) {
                continue;
            }
            Decision decision = policy.decide(requester("CARE_WORKER@C"), Purpose.TREATMENT, facts,
                    new DataItem(1, category));
            assertThat(decision.permitted()).as(category.name())
                    .isEqualTo(matrix.allows(Profession.CARE_WORKER, category));
        }
    }
}
