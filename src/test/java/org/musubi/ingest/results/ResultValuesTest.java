package org.musubi.ingest.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.values.Numbers;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.ingest.values.Units;
import org.musubi.record.fhir.FhirSystems;

class ResultValuesTest {

    private static final Quantity MG_DL = Units.quantity(BigDecimal.ONE, "mg/dL", "mg/dL", "ISO+");

    @Test
    void readsRangesAsLabsWriteThem() {
        assertThat(range("6.70-8.3")).isEqualTo("6.70..8.3");
        assertThat(range("3.7～5.5")).isEqualTo("3.7..5.5");
        assertThat(range(" -0.5 - 1.0 ")).isEqualTo("-0.5..1.0");
        assertThat(range("<5")).isEqualTo("..5");
        assertThat(range("<=0.3")).isEqualTo("..0.3");
        assertThat(range("≦0.3")).isEqualTo("..0.3");
        assertThat(range(">=10")).isEqualTo("10..");
        assertThat(range("40以上")).isEqualTo("40..");
        assertThat(range("5未満")).isEqualTo("..5");
        assertThat(range("陰性")).isEqualTo("..");
        assertThat(ReferenceRanges.parse("陰性", null).getText()).isEqualTo("陰性");
        assertThat(ReferenceRanges.parse("", null)).isNull();
        assertThat(ReferenceRanges.parse("70-109", MG_DL).getLow().getCode()).isEqualTo("mg/dL");
    }

    @Test
    void keepsARangeWithABoundTooLongToReadAsTextOnly() {
        String digits = "1".repeat(41);
        assertThat(range(digits + "-5")).isEqualTo("..");
        assertThat(range("<" + digits)).isEqualTo("..");
        assertThat(range(digits + "以上")).isEqualTo("..");
        assertThat(ReferenceRanges.parse(digits + "-5", null).getText()).isEqualTo(digits + "-5");
    }

    @Test
    void readsNumbersWithComparators() {
        assertThat(Numbers.withComparator("<0.1").orElseThrow().comparator()).isEqualTo(QuantityComparator.LESS_THAN);
        assertThat(Numbers.withComparator("＞ 1000").orElseThrow().comparator()).isEqualTo(QuantityComparator.GREATER_THAN);
        assertThat(Numbers.withComparator(">=10").orElseThrow().value()).isEqualByComparingTo("10");
        assertThat(Numbers.withComparator("+7.20").orElseThrow().value()).isEqualByComparingTo("7.20");
        assertThat(Numbers.withComparator(".5").orElseThrow().value()).isEqualByComparingTo("0.5");
        assertThat(Numbers.withComparator("溶血")).isEmpty();
        assertThat(Numbers.withComparator("1e5")).isEmpty();
        assertThat(Numbers.plain("")).isEmpty();
    }

    @Test
    void codesUcumUnitsAndKeepsOthersAsText() {
        assertThat(Units.quantity(BigDecimal.TEN, "g/dl", "g/dl", "99XYZ").getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(Units.quantity(BigDecimal.TEN, "TAB", "錠", "MR9P").getSystem()).isEqualTo(FhirSystems.MERIT9_UNIT);
        Quantity bpm = Units.quantity(BigDecimal.TEN, "bpm", "", "");
        assertThat(bpm.hasSystem()).isFalse();
        assertThat(bpm.getUnit()).isEqualTo("bpm");
        assertThat(Units.quantity(BigDecimal.TEN, "", "", "").hasUnit()).isFalse();
        assertThat(Units.isUcum("mV")).isTrue();
        assertThat(Units.isUcum("msec")).isFalse();
        assertThat(Units.isUcum("万/μL")).isFalse();
    }

    @Test
    void readsResultNumbersAsStoragesAndLabCentresWriteThem() {
        assertThat(result("7.2")).isEqualTo("PLAIN null 7.2");
        assertThat(result("< 0.1")).isEqualTo("COMPARED < 0.1");
        assertThat(result("＜0.1")).isEqualTo("COMPARED < 0.1");
        assertThat(result(":<0.5")).isEqualTo("WRITTEN < 0.5");
        assertThat(result("：＜０．５")).isEqualTo("WRITTEN < 0.5");
        assertThat(result("=<5")).isEqualTo("WRITTEN <= 5");
        assertThat(result("0.05未満")).isEqualTo("WRITTEN < 0.05");
        assertThat(result("1000以上")).isEqualTo("WRITTEN >= 1000");
        assertThat(result("30超")).isEqualTo("WRITTEN > 30");
        assertThat(result("500×10^4")).isEqualTo("POWER null 5000000");
        assertThat(result("25.0x10^4")).isEqualTo("POWER null 250000");
        assertThat(Numbers.result("1×10^99")).as("no lab writes this").isEmpty();
        assertThat(Numbers.result("+1")).as("a grade, 1+").isEmpty();
        assertThat(Numbers.result("＋16")).isEmpty();
        assertThat(Numbers.result("< +1")).isEmpty();
        assertThat(Numbers.result("1+")).isEmpty();
        assertThat(Numbers.result("(2+)")).isEmpty();
        assertThat(Numbers.result("溶血")).isEmpty();
        assertThat(Numbers.result("1".repeat(61))).isEmpty();
    }

    @Test
    void takesAValidUcumUnitForALabValueOnlyWhenItsDimensionIsOneALabValueCanHave() {
        for (String unit : new String[] {"mg/dL", "10*4/uL", "U/L", "[IU]/L", "mm[Hg]", "/[HPF]", "%", "mmol/L",
                "mL/min/{1.73_m2}", "fL", "s"}) {
            assertThat(ResultUnits.plausible(Units.canonical(unit).orElseThrow(), ResultKind.LABORATORY)).as(unit).isTrue();
        }
        for (String unit : new String[] {"/F", "F", "mV", "deg", "cd", "A"}) {
            assertThat(ResultUnits.plausible(Units.canonical(unit).orElseThrow(), ResultKind.LABORATORY)).as(unit).isFalse();
        }
        assertThat(ResultUnits.plausible(Units.canonical("mV").orElseThrow(), ResultKind.PHYSIOLOGY)).isTrue();
        assertThat(ResultUnits.plausible(Units.canonical("deg").orElseThrow(), ResultKind.PHYSIOLOGY)).isTrue();
        assertThat(Units.canonical("mOms/L")).isEmpty();
        assertThat(Units.canonical("Cel")).as("a special unit UCUM cannot reduce").isEmpty();
    }

    @Test
    void mapsAbnormalFlagsToV3Interpretations() {
        assertThat(Interpretations.of("HH").getCodingFirstRep().getCode()).isEqualTo("HH");
        assertThat(Interpretations.of("l").getCodingFirstRep().getCode()).isEqualTo("L");
        assertThat(Interpretations.of("*").hasCoding()).isFalse();
        assertThat(Interpretations.of("*").getText()).isEqualTo("*");
        assertThat(Interpretations.of(" ")).isNull();
    }

    @Test
    void keepsSourceKeyPartsUriSafe() {
        assertThat(SourceKeys.part("3A010000002327101")).isEqualTo("3A010000002327101");
        assertThat(SourceKeys.part("a/b^c d")).isEqualTo("a%2Fb%5Ec%20d");
        assertThat(SourceKeys.part("血清")).isEqualTo("%E8%A1%80%E6%B8%85");
        assertThat(SourceKeys.part("")).isEqualTo("-");
    }

    private static String result(String text) {
        Numbers.Result read = Numbers.result(text).orElseThrow();
        return read.form() + " " + (read.comparator() == null ? null : read.comparator().toCode()) + " "
                + read.value().toPlainString();
    }

    private static String range(String text) {
        var range = ReferenceRanges.parse(text, null);
        return (range.hasLow() ? range.getLow().getValue().toPlainString() : "") + ".."
                + (range.hasHigh() ? range.getHigh().getValue().toPlainString() : "");
    }
}
