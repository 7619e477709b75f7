package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.policy.matrix.ProfessionMatrix;

/** {@link AccessPolicy#itemDecisions}, the filter of a result set, is {@code decide(...)}, item by item. */
class FilterAgreesWithDecideTest {

    private static final List<String> REQUESTERS = List.of(
            "DOCTOR@A", "DOCTOR@B", "DOCTOR@C", "DOCTOR@B nonViewing", "DOCTOR@B suspended", "DOCTOR@- disabled",
            "PHARMACIST@B", "CARE_WORKER@B", "MEDICAL_CLERK@A", "PARAMEDIC@C", "NETWORK_OPERATOR@- admin",
            "NETWORK_OPERATOR@B", "patient", "otherPatient");

    private final AccessPolicy policy = PolicyFixtures.policy();

    @Test
    void filterPermitsExactlyWhatDecidePermitsForEveryCombination() {
        List<DataItem> items = new ArrayList<>();
        for (long facility : PolicyFixtures.FACILITIES.values()) {
            for (DataCategory category : DataCategory.values()) {
                items.add(new DataItem(facility, category));
            }
        }
        List<Purpose> purposes = new ArrayList<>(Arrays.asList(Purpose.values()));
        purposes.add(null);
        int permits = 0;
        int combinations = 0;

        for (String spec : REQUESTERS) {
            Requester requester = PolicyFixtures.requester(spec);
            for (Purpose purpose : purposes) {
                for (PersonFacts facts : PolicyFixtures.FACTS.values()) {
                    Function<DataItem, Decision> filter = policy.itemDecisions(requester, purpose, facts);
                    for (DataItem item : items) {
                        boolean permitted = policy.decide(requester, purpose, facts, item) instanceof Permit;
                        assertThat(filter.apply(item) instanceof Permit).as("%s %s %s %s", spec, purpose, facts, item)
                                .isEqualTo(permitted);
                        permits += permitted ? 1 : 0;
                        combinations++;
                    }
                }
            }
        }

        assertThat(permits).as("some, not all, combinations are permitted").isBetween(1, combinations - 1);
    }

    @Test
    void aFilterJudgesItsWholeResultSetAtTheInstantItWasMade() {
        MovableClock clock = new MovableClock(PolicyFixtures.NOW.plus(Duration.ofHours(4)).minusSeconds(1));
        AccessPolicy policy = new AccessPolicy(ProfessionMatrix.defaults(), clock);
        Requester doctor = PolicyFixtures.requester("DOCTOR@C");
        PersonFacts facts = PolicyFixtures.facts("breakGlass");
        DataItem allergies = new DataItem(1, DataCategory.ALLERGIES);

        Function<DataItem, Decision> filter = policy.itemDecisions(doctor, Purpose.EMERGENCY, facts);
        clock.now = clock.now.plusSeconds(1);

        assertThat(filter.apply(allergies).permitted()).isTrue();
        assertThat(policy.decide(doctor, Purpose.EMERGENCY, facts, allergies))
                .isEqualTo(new Deny(Deny.EMERGENCY_ACCESS_EXPIRED));
        assertThat(policy.itemDecisions(doctor, Purpose.EMERGENCY, facts).apply(allergies).permitted()).isFalse();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
