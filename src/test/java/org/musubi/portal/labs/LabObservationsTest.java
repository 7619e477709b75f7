package org.musubi.portal.labs;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class LabObservationsTest {

    static final String JLAC10_URL = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    static final String JLAC10_OID = "urn:oid:1.2.392.200119.4.504";

    static Observation lab(String system, String code, String display, String when, Quantity value) {
        Observation o = new Observation().setStatus(ObservationStatus.FINAL);
        o.getCode().addCoding(new Coding(system, code, display));
        o.setEffective(new DateTimeType(when));
        o.setValue(value);
        return o;
    }

    static Quantity quantity(String value, String unit) {
        return new Quantity().setValueElement(new DecimalType(value)).setUnit(unit);
    }

    /** The Observation as stored: HAPI's JSON, read back by the viewer. */
    static String json(Observation o) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(o);
    }

    static LabResult read(Observation o) {
        return LabObservations.read("o1", json(o), 7).orElseThrow();
    }

    @Test
    void groupsJlac10CodesOfBothSystemsByTheirFiveCharacterAnalyte() {
        LabResult url = read(lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10", quantity("6.1", "%")));
        LabResult oid = read(lab(JLAC10_OID, "3D046000001999999", "HbA1c(NGSP)", "2024-01-10", quantity("6.1", "%")));
        LabResult local = read(lab("urn:local:lab", "GLU", "血糖", "2024-01-10", quantity("101", "mg/dL")));

        assertThat(url.analyte()).isEqualTo("3D046");
        assertThat(oid.analyte()).isEqualTo("3D046");
        assertThat(local.analyte()).isEqualTo("urn:local:lab|GLU");
        assertThat(url.label()).isEqualTo("HbA1c");
        assertThat(url.unit()).isEqualTo("%");
        assertThat(url.value()).isEqualTo("6.1");
        assertThat(url.facilityId()).isEqualTo(7);
    }

    @Test
    void prefersTheJlac10CodingAndTheCodesTextForTheLabel() {
        Observation o = lab("urn:local:lab", "A1C", "local A1c", "2024-01-10", quantity("6.1", "%"));
        o.getCode().addCoding(new Coding(JLAC10_URL, "3D046000001920402", "HbA1c"));

        assertThat(read(o).analyte()).isEqualTo("3D046");
        assertThat(read(o).label()).isEqualTo("HbA1c");
        o.getCode().setText("ヘモグロビンA1c");
        assertThat(read(o).label()).isEqualTo("ヘモグロビンA1c");
    }

    @Test
    void theFacilitysInterpretationWinsOverTheReferenceRange() {
        Observation o = lab(JLAC10_URL, "3F077000002327101", "LDL", "2024-01-10", quantity("120", "mg/dL"));
        o.addReferenceRange().setLow(quantity("70", "mg/dL")).setHigh(quantity("139", "mg/dL"));
        o.addInterpretation(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "HH", "Critical high")));

        assertThat(read(o).flag()).isEqualTo(Flag.CRITICAL_HIGH);
        assertThat(read(o).range()).isEqualTo("70–139");
    }

    @Test
    void anExplicitNormalInterpretationIsNotOverruledByTheRange() {
        Observation o = lab(JLAC10_URL, "3F077000002327101", "LDL", "2024-01-10", quantity("150", "mg/dL"));
        o.addReferenceRange().setHigh(quantity("139", "mg/dL"));
        o.addInterpretation(new CodeableConcept(new Coding(null, "N", null)));

        assertThat(read(o).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void withoutInterpretationTheReferenceRangeFlagsHighAndLow() {
        Observation high = lab(JLAC10_URL, "3F077000002327101", "LDL", "2024-01-10", quantity("165", "mg/dL"));
        high.addReferenceRange().setLow(quantity("70", "mg/dL")).setHigh(quantity("139", "mg/dL"));
        Observation low = lab(JLAC10_URL, "3F077000002327101", "LDL", "2024-01-10", quantity("60", "mg/dL"));
        low.addReferenceRange().setLow(quantity("70", "mg/dL")).setHigh(quantity("139", "mg/dL"));
        Observation edge = lab(JLAC10_URL, "3F077000002327101", "LDL", "2024-01-10", quantity("139", "mg/dL"));
        edge.addReferenceRange().setLow(quantity("70", "mg/dL")).setHigh(quantity("139", "mg/dL"));
        Observation unknownCode = high.copy();
        unknownCode.addInterpretation(new CodeableConcept(new Coding(null, "WR", null)));

        assertThat(read(high).flag()).isEqualTo(Flag.HIGH);
        assertThat(read(low).flag()).isEqualTo(Flag.LOW);
        assertThat(read(edge).flag()).isEqualTo(Flag.NONE);
        assertThat(read(unknownCode).flag()).as("an interpretation code it does not know leaves it to the range")
                .isEqualTo(Flag.HIGH);
    }

    @Test
    void aComparatorIsShownAndFlagsOnlyWhenTheBoundMakesItCertain() {
        Observation below = lab(JLAC10_URL, "5C070000002306101", "CRP", "2024-01-10",
                quantity("0.3", "mg/dL").setComparator(Quantity.QuantityComparator.LESS_THAN));
        below.addReferenceRange().setHigh(quantity("0.3", "mg/dL"));
        Observation above = lab(JLAC10_URL, "3F077000002327101", "LDL", "2024-01-10",
                quantity("400", "mg/dL").setComparator(Quantity.QuantityComparator.GREATER_THAN));
        above.addReferenceRange().setLow(quantity("70", "mg/dL")).setHigh(quantity("139", "mg/dL"));

        assertThat(read(below).value()).isEqualTo("<0.3");
        assertThat(read(below).comparator()).isEqualTo("<");
        assertThat(read(below).flag()).isEqualTo(Flag.NONE);
        assertThat(read(below).plotted()).isFalse();
        assertThat(read(above).value()).isEqualTo(">400");
        assertThat(read(above).flag()).isEqualTo(Flag.HIGH);
        assertThat(LabObservations.byRange(new BigDecimal("0.5"), "<", new BigDecimal("1"), null)).isEqualTo(Flag.LOW);
        assertThat(LabObservations.byRange(new BigDecimal("1"), "<=", new BigDecimal("1"), null)).isEqualTo(Flag.NONE);
    }

    @Test
    void aTextValueIsShownWithoutUnitAndNotPlotted() {
        Observation o = lab(JLAC10_URL, "1A010000001099101", "尿蛋白", "2024-01-10", null);
        o.setValue(new StringType("(2+)"));
        o.addInterpretation(new CodeableConcept(new Coding(null, "A", null)));

        LabResult result = read(o);

        assertThat(result.value()).isEqualTo("(2+)");
        assertThat(result.unit()).isEmpty();
        assertThat(result.number()).isNull();
        assertThat(result.flag()).isEqualTo(Flag.ABNORMAL);
    }

    @Test
    void cancelledAndEnteredInErrorResultsAreSkipped() {
        Observation cancelled = lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10", quantity("6.1", "%"))
                .setStatus(ObservationStatus.CANCELLED);
        Observation wrong = lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10", quantity("6.1", "%"))
                .setStatus(ObservationStatus.ENTEREDINERROR);
        Observation noValue = lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10", null);

        assertThat(LabObservations.read("a", json(cancelled), 1)).isEmpty();
        assertThat(LabObservations.read("b", json(wrong), 1)).isEmpty();
        assertThat(LabObservations.read("c", json(noValue), 1)).isEmpty();
    }

    @Test
    void theDayIsTheDayInJapan() {
        LabResult lateUtc = read(lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10T20:00:00Z", quantity("6", "%")));
        LabResult dayOnly = read(lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10", quantity("6", "%")));
        Observation period = lab(JLAC10_URL, "3D046000001920402", "HbA1c", "2024-01-10", quantity("6", "%"));
        period.setEffective(new Period().setStartElement(new DateTimeType("2024-02-03T09:00:00+09:00")));

        assertThat(lateUtc.day()).isEqualTo(LocalDate.of(2024, 1, 11));
        assertThat(dayOnly.day()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(read(period).day()).isEqualTo(LocalDate.of(2024, 2, 3));
    }
}
