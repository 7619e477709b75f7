package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UnitTextTest {

    @Test
    void writesUcumUnitsAsPeopleReadThem() {
        assertThat(UnitText.forPeople("mL/min/{1.73_m2}")).isEqualTo("mL/min/1.73m²");
        assertThat(UnitText.forPeople("10*3/uL")).isEqualTo("10³/μL");
        assertThat(UnitText.forPeople("10*4/uL")).isEqualTo("10⁴/μL");
        assertThat(UnitText.forPeople("/[HPF]")).isEqualTo("/HPF");
        assertThat(UnitText.forPeople("mm[Hg]")).isEqualTo("mmHg");
        assertThat(UnitText.forPeople("kg/m2")).isEqualTo("kg/m²");
        assertThat(UnitText.forPeople("umol/L")).isEqualTo("μmol/L");
        assertThat(UnitText.forPeople("ug/mL")).isEqualTo("μg/mL");
        assertThat(UnitText.forPeople("[IU]/L")).isEqualTo("IU/L");
        assertThat(UnitText.forPeople("Cel")).isEqualTo("℃");
        assertThat(UnitText.forPeople("\u00B5mol/L")).as("the micro sign a lab typed reads as the Greek mu")
                .isEqualTo("\u03BCmol/L");
        assertThat(UnitText.forPeople("{cells}/uL")).isEqualTo("cells/μL");
        assertThat(UnitText.forPeople("10*4/mm3")).isEqualTo("10⁴/mm³");
        assertThat(UnitText.forPeople("mL/min/1.73m2")).isEqualTo("mL/min/1.73m²");
        assertThat(UnitText.forPeople("万/mm3")).isEqualTo("万/mm³");
    }

    @Test
    void leavesUnitsAlreadyWrittenForPeopleAsTheyAre() {
        assertThat(UnitText.forPeople("mg/dL")).isEqualTo("mg/dL");
        assertThat(UnitText.forPeople("U/L")).isEqualTo("U/L");
        assertThat(UnitText.forPeople("%")).isEqualTo("%");
        assertThat(UnitText.forPeople("mmol/mol")).isEqualTo("mmol/mol");
        assertThat(UnitText.forPeople("x10^4/μL")).isEqualTo("x10⁴/μL");
        assertThat(UnitText.forPeople("回/分")).isEqualTo("回/分");
        assertThat(UnitText.forPeople("/min")).isEqualTo("/min");
        assertThat(UnitText.forPeople("mIU/mL")).isEqualTo("mIU/mL");
        assertThat(UnitText.forPeople("")).isEmpty();
        assertThat(UnitText.forPeople(null)).isNull();
    }

    @Test
    void aQuantityAsTextUsesTheUnitForPeople() {
        var json = JsonMapper.builder().build().createObjectNode().put("value", 58).put("unit", "mL/min/{1.73_m2}");

        assertThat(FhirJson.quantity(json)).isEqualTo("58 mL/min/1.73m²");
    }
}
