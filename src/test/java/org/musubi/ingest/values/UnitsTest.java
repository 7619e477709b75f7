package org.musubi.ingest.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which units are reduced to UCUM's base units: those of measured values, never one that would take minutes. */
class UnitsTest {

    @Test
    void takesTheExponentsOfMeasuredValues() {
        assertThat(List.of("mg/dL", "10*12/L", "10*3/uL", "mL/min/{1.73_m2}", "kg/m2", "m3", "/[HPF]", "s-1",
                "%", "mm[Hg]", "/100{WBCs}", "10^9/L", "[IU]/L", "mmol/L"))
                .allMatch(Units::modestExponents);
    }

    @Test
    void refusesExponentsNoMeasuredValueHas() {
        assertThat(List.of("10*99", "Ym99", "m13", "Ym12.Ym12.Ym12", "10*-13", "1234567/L", "m-99"))
                .noneMatch(Units::modestExponents);
    }

    @Test
    void neverReducesAUnitWhoseReductionWouldRunForMinutes() {
        assertThat(Units.isUcum("Ym999")).as("valid UCUM").isTrue();
        assertThat(Units.canonical("Ym999")).isEmpty();
        assertThat(Units.canonical("10*12/L")).contains("m-3");
        assertThat(Units.canonical("mg/dL")).contains("g.m-3");
    }
}
