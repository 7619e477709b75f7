package org.musubi.record.fhir.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one table of vital signs and the reader rule for what was stored before every writer used it: a care team's
 * entries stored with LOINC's English display alone read by their Japanese names (2708-6 alone as 酸素飽和度, which
 * does not claim pulse oximetry), while a sender's own text or display is shown as sent and other codes are untouched.
 */
class VitalSignTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void spo2IsCodedByPulseOximetryWithTheSecondCodeItsJapaneseNameAndItsUnit() {
        var code = VitalSign.SPO2.code();
        assertThat(code.getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                "http://loinc.org|59408-5", "http://loinc.org|2708-6");
        assertThat(code.getText()).isEqualTo("SpO2");
        var quantity = VitalSign.BODY_TEMPERATURE.unit().quantity(new BigDecimal("36.8"));
        assertThat(quantity.getUnit() + " " + quantity.getCode()).isEqualTo("℃ Cel");
        assertThat(VitalSign.bloodPressure().getText()).isEqualTo("血圧");
        assertThat(VitalSign.SPO2.range().plausible(new BigDecimal("101"))).isFalse();
        assertThat(VitalSign.SPO2.range().plausible(new BigDecimal("96"))).isTrue();
        assertThat(VitalSign.BMI.range().plausible(new BigDecimal("22"))).as("computed, never entered").isFalse();
    }

    @Test
    void whatACareTeamStoredBeforeReadsInJapaneseWithoutClaimingMoreThanItsCode() {
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"2708-6","display":"Oxygen saturation in Arterial blood"}]}"""))
                .isEqualTo("酸素飽和度");
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"85354-9",
                  "display":"Blood pressure panel with all children optional"}],"text":"血圧"}""")).isEqualTo("血圧");
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"8480-6","display":"Systolic blood pressure"}]}"""))
                .isEqualTo("収縮期血圧");
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]}""")).isEqualTo("脈拍");
    }

    @Test
    void aSendersOwnWordsAndOtherCodesAreShownAsSent() {
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"8310-5","display":"腋窩温"}]}""")).isEqualTo("腋窩温");
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"2708-6","display":"Oxygen saturation in Arterial blood"}],
                 "text":"SaO2（動脈血）"}""")).isEqualTo("SaO2（動脈血）");
        assertThat(name("""
                {"coding":[{"system":"urn:example:local","code":"8867-4","display":"Heart rate"}]}"""))
                .isEqualTo("Heart rate");
        assertThat(name("""
                {"coding":[{"system":"http://loinc.org","code":"883-9","display":"ABO group [Type] in Blood"}]}"""))
                .isEqualTo("ABO group [Type] in Blood");
    }

    private static String name(String concept) {
        return FhirJson.concept(JSON.readTree(concept));
    }
}
