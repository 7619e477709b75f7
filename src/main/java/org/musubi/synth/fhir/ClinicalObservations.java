package org.musubi.synth.fhir;

import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.VitalSign;

/** Laboratory results (JLAC10, near the patient's own baseline) and vital signs (LOINC) of a visit. */
final class ClinicalObservations {

    private final SplittableRandom random;

    ClinicalObservations(SplittableRandom random) {
        this.random = random;
    }

    Observation lab(ClinicalCodes.Lab lab, double baseline, Date taken, String encounterUrl) {
        double value = lab.around(baseline, random);
        Observation observation = observation("laboratory", "検体検査", encounterUrl, taken);
        observation.getCode().addCoding(new Coding(FhirSystems.JLAC10_OID, lab.jlac10(), lab.name())).setText(lab.name());
        observation.setValue(quantity(value, lab.decimals(), lab.unit()));
        ClinicalCodes.Range range = lab.reference(null);
        var reference = observation.addReferenceRange().setLow(quantity(range.low(), lab.decimals(), lab.unit()));
        if (range.high() != null) {
            reference.setHigh(quantity(range.high(), lab.decimals(), lab.unit()));
        }
        observation.setIssuedElement(new InstantType(new Date(taken.getTime() + 3_600_000L)));
        return observation;
    }

    /** Blood pressure (a panel with two components), pulse, and sometimes weight or temperature. */
    List<Observation> vitals(Date taken, String encounterUrl) {
        Observation pressure = observation("vital-signs", "バイタルサイン", encounterUrl, taken);
        pressure.setCode(VitalSign.bloodPressure());
        component(pressure, ClinicalCodes.SYSTOLIC);
        component(pressure, ClinicalCodes.DIASTOLIC);
        Observation pulse = vital(ClinicalCodes.PULSE, taken, encounterUrl);
        if (random.nextInt(3) == 0) {
            return List.of(pressure, pulse, vital(random.nextBoolean() ? ClinicalCodes.WEIGHT : ClinicalCodes.TEMPERATURE,
                    taken, encounterUrl));
        }
        return List.of(pressure, pulse);
    }

    private Observation vital(ClinicalCodes.Vital vital, Date taken, String encounterUrl) {
        Observation observation = observation("vital-signs", "バイタルサイン", encounterUrl, taken);
        observation.getCode().addCoding(new Coding(FhirSystems.LOINC, vital.loinc(), vital.name()));
        return observation.setValue(quantity(draw(vital), vital.decimals(), vital.unit()));
    }

    private void component(Observation panel, ClinicalCodes.Vital vital) {
        panel.addComponent().setCode(new CodeableConcept(new Coding(FhirSystems.LOINC, vital.loinc(), vital.name())))
                .setValue(quantity(draw(vital), vital.decimals(), vital.unit()));
    }

    private Observation observation(String category, String display, String encounterUrl, Date taken) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding(new Coding(FhirSystems.OBSERVATION_CATEGORY, category, display));
        observation.setEncounter(new Reference(encounterUrl)).setEffective(new DateTimeType(taken));
        return observation;
    }

    private double draw(ClinicalCodes.Vital vital) {
        return vital.low() + random.nextDouble() * (vital.high() - vital.low());
    }

    private static Quantity quantity(double value, int decimals, String unit) {
        return new Quantity().setValue(ClinicalVisits.round(value, decimals)).setUnit(unit)
                .setSystem(FhirSystems.UCUM).setCode(unit);
    }
}
