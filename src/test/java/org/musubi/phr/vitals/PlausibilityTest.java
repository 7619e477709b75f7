package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FieldFault;

class PlausibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z"); // 12:00 in Japan

    @Test
    void recordsWhateverIsGivenOfAnEntryAndLeavesTheRestOut() {
        Plausibility.Checked checked = Plausibility.check("2026-11-24T08:30", Map.of("weight", "65.2",
                "systolic", "128", "diastolic", "82", "pulse", "", "steps", "８，０００"), NOW);

        assertThat(checked.valid()).isTrue();
        assertThat(checked.entry().at()).isEqualTo(LocalDateTime.of(2026, 11, 24, 8, 30));
        assertThat(checked.entry().values()).containsExactly(Map.entry(Vital.WEIGHT, new BigDecimal("65.2")),
                Map.entry(Vital.SYSTOLIC, new BigDecimal("128")), Map.entry(Vital.DIASTOLIC, new BigDecimal("82")),
                Map.entry(Vital.STEPS, new BigDecimal("8000")));
    }

    @Test
    void refusesTheWholeEntryNamingEveryImpossibleValue() {
        Map<String, String> typed = new HashMap<>(Map.of("weight", "650", "height", "170.5", "temperature", "29.9",
                "pulse", "abc", "glucose-fasting", "1001", "spo2", "101", "steps", "-1"));

        Plausibility.Checked checked = Plausibility.check("2026-11-24 08:30", typed, NOW);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.entry()).isNull();
        assertThat(checked.faults()).containsExactlyInAnyOrder(
                FieldFault.of("weight", "phr.vitals.fault.range", "1", "400"),
                FieldFault.of("temperature", "phr.vitals.fault.range", "30", "45"),
                FieldFault.of("pulse", "phr.vitals.fault.number"),
                FieldFault.of("glucose-fasting", "phr.vitals.fault.range", "10", "1000"),
                FieldFault.of("spo2", "phr.vitals.fault.range", "50", "100"),
                FieldFault.of("steps", "phr.vitals.fault.range", "0", "200000"));
    }

    @Test
    void theRangesEndsArePossibleAndJustBeyondThemIsNot() {
        for (Vital vital : Vital.enteredValues()) {
            assertThat(Plausibility.fault(vital, vital.scale().min().toPlainString())).as(vital + " min").isEmpty();
            assertThat(Plausibility.fault(vital, vital.scale().max().toPlainString())).as(vital + " max").isEmpty();
            BigDecimal step = BigDecimal.ONE.movePointLeft(vital.scale().decimals());
            assertThat(Plausibility.fault(vital, vital.scale().min().subtract(step).toPlainString())).as(vital + " below")
                    .map(FieldFault::messageKey).contains("phr.vitals.fault.range");
            assertThat(Plausibility.fault(vital, vital.scale().max().add(step).toPlainString())).as(vital + " above")
                    .map(FieldFault::messageKey).contains("phr.vitals.fault.range");
        }
    }

    @Test
    void bloodPressureNeedsBothValuesWithTheSystolicAboveTheDiastolic() {
        assertThat(faults(Map.of("systolic", "120"))).containsExactly(FieldFault.of("bloodPressure", "phr.vitals.fault.pair"));
        assertThat(faults(Map.of("systolic", "80", "diastolic", "120")))
                .containsExactly(FieldFault.of("bloodPressure", "phr.vitals.fault.order"));
        assertThat(faults(Map.of("systolic", "90", "diastolic", "90")))
                .containsExactly(FieldFault.of("bloodPressure", "phr.vitals.fault.order"));
        assertThat(faults(Map.of("systolic", "301", "diastolic", "90")))
                .containsExactly(FieldFault.of("systolic", "phr.vitals.fault.range", "50", "300"));
    }

    @Test
    void decimalsBeyondTheMeasuresAreRefusedTrailingZerosAreNot() {
        assertThat(faults(Map.of("weight", "65.25"))).containsExactly(FieldFault.of("weight", "phr.vitals.fault.decimals", 1));
        assertThat(faults(Map.of("pulse", "72.5"))).containsExactly(FieldFault.of("pulse", "phr.vitals.fault.whole"));
        assertThat(Plausibility.check("2026-11-24 08:30", Map.of("weight", "65.20"), NOW).entry().values().get(Vital.WEIGHT))
                .isEqualTo(new BigDecimal("65.2"));
    }

    @Test
    void anEntryNeedsAValueAndAMomentThatIsNeitherFutureNorBefore1900() {
        assertThat(faults(Map.of("pulse", " "))).containsExactly(FieldFault.of("entry", "phr.vitals.fault.nothing"));
        assertThat(Plausibility.check("2026-11-24 12:20", Map.of("pulse", "70"), NOW).faults())
                .containsExactly(FieldFault.of("when", "phr.vitals.fault.future"));
        assertThat(Plausibility.check("2026-11-24 12:05", Map.of("pulse", "70"), NOW).valid()).as("a phone's clock ahead")
                .isTrue();
        assertThat(Plausibility.check("1899-12-31 12:00", Map.of("pulse", "70"), NOW).faults())
                .containsExactly(FieldFault.of("when", "phr.vitals.fault.tooOld"));
        assertThat(Plausibility.check("yesterday", Map.of("pulse", "70"), NOW).faults())
                .containsExactly(FieldFault.of("when", "phr.vitals.fault.when"));
        assertThat(Plausibility.check("2026/11/3 7:05", Map.of("pulse", "70"), NOW).entry().at())
                .isEqualTo(LocalDateTime.of(2026, 11, 3, 7, 5));
    }

    private static List<FieldFault> faults(Map<String, String> typed) {
        return Plausibility.check("2026-11-24 08:30", typed, NOW).faults();
    }
}
