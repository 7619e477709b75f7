package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.record.fhir.FhirSystems;

/**
 * ADT-00's OBX segments as Observations: height and weight as JP_Observation_BodyMeasurement (JLAC10
 * code, plus the LOINC and JP Core body-measurement codes, UCUM cm/kg), anything else such as the ABO
 * blood type (JLAC10 5H010) as JP_Observation_LabResult with its value as sent (NM quantity, CWE/CE
 * concept, otherwise text). The time is OBX-14; without it, EVN-2 (when the patient information was
 * recorded) stands in, since ADT-00 does not say when it was measured.
 */
final class PatientObservations {

    static final String JP_BODY = FhirSystems.JP_OBSERVATION_BODY_MEASUREMENT;
    static final String JP_LAB = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult";

    private final MessageInput input;
    private final Optional<DateTimeType> recorded;

    PatientObservations(MessageInput input, Optional<DateTimeType> recorded) {
        this.input = input;
        this.recorded = recorded;
    }

    Optional<Observation> map(Hl7Segment obx) {
        Optional<CodeableConcept> code = Hl7Values.concept(obx.field(3));
        if (code.isEmpty()) {
            Ssmix2Problems.warn(input, obx, 3, "ssmix2.missing-field", obx.fieldName(3));
            return Optional.empty();
        }
        Observation observation = new Observation().setStatus(status(obx.text(11))).setCode(code.get());
        observation.setSubject(SourceRefs.patient());
        Dates.optional(input, obx, 14).or(() -> recorded.map(DateTimeType::copy)).ifPresent(observation::setEffective);
        Optional<BodyMeasure> measure = BodyMeasure.of(obx.field(3).component(1));
        measure.ifPresentOrElse(m -> body(observation, m), () -> laboratory(observation));
        value(observation, obx, measure);
        return Optional.of(observation);
    }

    static String localKey(Hl7Segment obx) {
        String code = obx.field(3).component(1).isEmpty() ? obx.field(3).component(2) : obx.field(3).component(1);
        return obx.text(4).isEmpty() ? code : code + "/" + obx.text(4);
    }

    private static void body(Observation observation, BodyMeasure measure) {
        observation.getMeta().addProfile(JP_BODY);
        observation.addCategory().addCoding(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "body-measurement", "Body Measurement"));
        observation.addCategory().addCoding(new Coding(BodyMeasure.JP_CATEGORY, measure.category, measure.jpDisplay));
        observation.addCategory().addCoding(new Coding(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"));
        observation.getCode().addCoding(new Coding(FhirSystems.LOINC, measure.loinc, measure.loincDisplay));
        observation.getCode().addCoding(new Coding(BodyMeasure.JP_CODE, measure.jpCode, measure.jpDisplay));
    }

    private static void laboratory(Observation observation) {
        observation.getMeta().addProfile(JP_LAB);
        observation.addCategory().addCoding(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "laboratory", "Laboratory"));
    }

    private void value(Observation observation, Hl7Segment obx, Optional<BodyMeasure> measure) {
        String value = obx.field(5).raw();
        if (obx.field(5).isEmpty()) {
            return;
        }
        switch (obx.text(2)) {
            case "CWE", "CE", "CNE" -> Hl7Values.concept(obx.field(5)).ifPresent(observation::setValue);
            case "NM" -> quantity(observation, obx, measure);
            default -> observation.setValue(new StringType(obx.field(5).component(1).isEmpty() ? value : obx.field(5).component(1)));
        }
    }

    private void quantity(Observation observation, Hl7Segment obx, Optional<BodyMeasure> measure) {
        Optional<Quantity> quantity = Hl7Values.quantity(obx.text(5), obx.field(6));
        if (quantity.isEmpty()) {
            Ssmix2Problems.warn(input, obx, 5, "ssmix2.invalid-number", obx.text(5));
            observation.setValue(new StringType(obx.text(5)));
            return;
        }
        measure.filter(m -> m.unit.equalsIgnoreCase(obx.field(6).component(1)))
                .ifPresent(m -> quantity.get().setSystem(FhirSystems.UCUM).setCode(m.unit).setUnit(m.unit));
        observation.setValue(quantity.get());
    }

    private static ObservationStatus status(String code) {
        return switch (code) {
            case "C" -> ObservationStatus.AMENDED;
            case "P", "R", "S", "I" -> ObservationStatus.PRELIMINARY;
            case "D", "W" -> ObservationStatus.ENTEREDINERROR;
            case "X" -> ObservationStatus.CANCELLED;
            default -> ObservationStatus.FINAL;
        };
    }
}
