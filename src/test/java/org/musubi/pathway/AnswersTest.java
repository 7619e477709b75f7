package org.musubi.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

/** A quantity in a form's fault reads with its unit as people write it, never in UCUM's notation. */
class AnswersTest {

    @Test
    void aQuantityReadsWithItsUnitForPeople() {
        assertThat(Answers.text(new Quantity().setValueElement(new DecimalType("182")).setUnit("mm[Hg]")))
                .isEqualTo("182 mmHg");
        assertThat(Answers.text(new Quantity().setValueElement(new DecimalType("12.0"))
                .setSystem("http://unitsofmeasure.org").setCode("10*4/uL"))).isEqualTo("12.0 10⁴/μL");
        assertThat(Answers.text(new Quantity().setValueElement(new DecimalType("3")))).isEqualTo("3");
    }
}
