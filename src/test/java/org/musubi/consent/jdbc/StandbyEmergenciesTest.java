package org.musubi.consent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.EmergencyAccess.Kind;

/** What a read-only standby keeps of emergency accesses in memory, and how it lays them over the stored ones. */
class StandbyEmergenciesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private final StandbyEmergencies memory = new StandbyEmergencies();

    @Test
    void anAccessOpenedOnTheStandbyHasANegativeIdAndTellsItsKindInTheAuditTag() {
        EmergencyAccess a = memory.open(crew(1, 10, T0.plusSeconds(7200)), T0);
        EmergencyAccess b = memory.open(new EmergencyAccess.Opening(2, 11, null, Kind.GLASS, null, "意識障害で来院",
                T0.plusSeconds(3600), null, false), T0);

        assertThat(a.id()).isNegative();
        assertThat(b.id()).isLessThan(a.id());
        assertThat(a.openedOnStandby()).isTrue();
        assertThat(a.standbyTag()).isEqualTo(" [standby emergency CREW UNCONSCIOUS]");
        assertThat(b.standbyTag()).isEqualTo(" [standby emergency GLASS -]");
        assertThat(memory.byId(a.id())).contains(a);
        assertThat(memory.matching(x -> true)).as("newest first").containsExactly(b, a);
    }

    @Test
    void aCrewsNextOpeningEndsItsOtherAccessesInMemoryAndStoredOnesOpenedBefore() {
        EmergencyAccess stored = new EmergencyAccess(5, 1, 10, "UNCONSCIOUS", T0.minusSeconds(600), T0.plusSeconds(6600),
                null, Kind.CREW, null, EmergencyAccess.ReasonCode.UNCONSCIOUS, null, null, null);
        EmergencyAccess someoneElses = new EmergencyAccess(6, 1, 98, "UNCONSCIOUS", T0.minusSeconds(600),
                T0.plusSeconds(6600), null, Kind.CREW, null, EmergencyAccess.ReasonCode.UNCONSCIOUS, null, null, null);
        EmergencyAccess first = memory.open(crew(2, 10, T0.plusSeconds(7200)), T0);
        EmergencyAccess otherCrew = memory.open(crew(2, 99, T0.plusSeconds(7200)), T0.plusSeconds(1));
        Instant next = T0.plusSeconds(300);
        EmergencyAccess second = memory.open(crew(3, 10, next.plusSeconds(7200)), next);

        assertThat(memory.over(stored).endedAt()).as("ended by the first opening on the standby").isEqualTo(T0);
        assertThat(memory.over(someoneElses)).as("another user's access is left alone").isEqualTo(someoneElses);
        EmergencyAccess firstNow = memory.byId(first.id()).orElseThrow();
        assertThat(firstNow.expiresAt()).isEqualTo(next);
        assertThat(firstNow.endedAt()).isEqualTo(next);
        assertThat(firstNow.openAt(next)).isFalse();
        assertThat(memory.byId(second.id()).orElseThrow().openAt(next)).isTrue();
        assertThat(memory.byId(otherCrew.id())).as("another crew member's access stays open").contains(otherCrew);
        assertThat(memory.over(List.of(stored, someoneElses), a -> a.personId() == 3))
                .extracting(EmergencyAccess::id).containsExactly(5L, 6L, second.id());
    }

    @Test
    void aRecreatedAccessReadsAsOpenedOnTheStandbyWithoutTheMarkInItsWords() {
        EmergencyAccess recreated = new EmergencyAccess(40, 1, 10,
                "UNCONSCIOUS: 路上で倒れていた [standby spool 0123456789abcdef01234567#12]", T0, T0.plusSeconds(7200),
                null, Kind.CREW, null, EmergencyAccess.ReasonCode.UNCONSCIOUS, null, null, null);
        EmergencyAccess codeOnly = new EmergencyAccess(41, 1, 10, "UNCONSCIOUS [standby spool 0123456789abcdef01234567#13]",
                T0, T0.plusSeconds(7200), null, Kind.CREW, null, EmergencyAccess.ReasonCode.UNCONSCIOUS, null, null, null);

        assertThat(recreated.openedOnStandby()).isTrue();
        assertThat(recreated.standbyTag()).as("stored: no tag").isEmpty();
        assertThat(recreated.words()).isEqualTo("路上で倒れていた");
        assertThat(codeOnly.words()).isEmpty();
    }

    private static EmergencyAccess.Opening crew(long personId, long userId, Instant until) {
        return new EmergencyAccess.Opening(personId, userId, 7L, Kind.CREW, EmergencyAccess.ReasonCode.UNCONSCIOUS,
                "UNCONSCIOUS", until, null, true);
    }
}
