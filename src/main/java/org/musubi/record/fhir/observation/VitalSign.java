package org.musubi.record.fhir.observation;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The vital signs and body measurements Musubi writes when a person enters one (the resident in the health notebook,
 * a care team's member in its workspace, a care office in its record), each coded one way: its LOINC codes (from
 * {@link Loinc}, with LOINC's display; SpO2 by pulse oximetry 59408-5 with 2708-6 beside it, as FHIR's vital-signs
 * profile asks), its Japanese name as {@code code.text} (what every page shows), its UCUM unit with the unit as people
 * write it, the range a body can measure, and its categories: HL7's {@code vital-signs} and JP Core's simple category
 * ({@code vital-signs}, or {@code body-measurement} for weight, height and BMI) under JP Core's profile. Blood pressure is
 * one panel ({@link #bloodPressure()}) whose components are systolic and diastolic pressure. {@code FhirVocabularyTest}
 * fails when another file declares a table of vital signs or writes a vital sign's LOINC coding itself.
 */
public enum VitalSign {
    BODY_WEIGHT(List.of(Loinc.BODY_WEIGHT), "体重", "kg", "kg", true, "1", "400"),
    BODY_HEIGHT(List.of(Loinc.BODY_HEIGHT), "身長", "cm", "cm", true, "30", "250"),
    BMI(List.of(Loinc.BMI), "BMI", "kg/m2", "kg/m2", true, null, null),
    BODY_TEMPERATURE(List.of(Loinc.BODY_TEMPERATURE), "体温", "Cel", "℃", false, "30", "45"),
    SYSTOLIC(List.of(Loinc.SYSTOLIC), "収縮期血圧", "mm[Hg]", "mmHg", false, "50", "300"),
    DIASTOLIC(List.of(Loinc.DIASTOLIC), "拡張期血圧", "mm[Hg]", "mmHg", false, "20", "200"),
    HEART_RATE(List.of(Loinc.HEART_RATE), "脈拍", "/min", "回/分", false, "20", "250"),
    SPO2(List.of(Loinc.PULSE_OXIMETRY, Loinc.OXYGEN_SATURATION), "SpO2", "%", "%", false, "50", "100");

    /** The name of the blood-pressure panel. */
    public static final String BLOOD_PRESSURE_TEXT = "血圧";
    /**
     * The name of an oxygen saturation coded 2708-6 alone (arterial or pulse oximetry, the code does not say which):
     * what care teams' and care offices' entries stored before they wrote this table's codes carry ({@link
     * VitalSignCodes#shownName}).
     */
    public static final String OXYGEN_SATURATION_TEXT = "酸素飽和度";
    private static final String HL7_VITAL_SIGNS = "vital-signs";
    private static final String JP_BODY_MEASUREMENT = "body-measurement";

    private final List<String> codes;
    private final String text;
    private final VitalUnit unit;
    private final boolean bodyMeasurement;
    private final VitalRange range;

    VitalSign(List<String> codes, String text, String ucum, String unit, boolean bodyMeasurement, String min,
              String max) {
        this.codes = codes;
        this.text = text;
        this.unit = new VitalUnit(ucum, unit);
        this.bodyMeasurement = bodyMeasurement;
        this.range = new VitalRange(min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    /** Its first LOINC code (SpO2: pulse oximetry's). */
    public String loinc() {
        return codes.getFirst();
    }

    /** Every LOINC code it is written with, the first first. */
    public List<String> codes() {
        return codes;
    }

    /** Its Japanese name, written as {@code code.text}. */
    public String text() {
        return text;
    }

    /** Its unit: UCUM's code and as people write it (℃, mmHg, 回/分). */
    public VitalUnit unit() {
        return unit;
    }

    /** The range a body can measure (BMI is computed, never entered: none). */
    public VitalRange range() {
        return range;
    }

    /** Weight, height and BMI: JP Core's body measurement rather than a vital sign proper. */
    public boolean bodyMeasurement() {
        return bodyMeasurement;
    }

    /** The measure's code: its LOINC codings with LOINC's displays and its Japanese name as text. */
    public CodeableConcept code() {
        CodeableConcept code = new CodeableConcept();
        codes.forEach(c -> code.addCoding(new Coding(FhirSystems.LOINC, c, Loinc.display(c))));
        return code.setText(text);
    }

    /** Adds JP Core's profile and the categories of this measure to an Observation of it. */
    public Observation classify(Observation observation) {
        observation.getMeta().addProfile(bodyMeasurement ? FhirSystems.JP_OBSERVATION_BODY_MEASUREMENT
                : FhirSystems.JP_OBSERVATION_VITAL_SIGNS);
        return categorise(observation, bodyMeasurement);
    }

    /**
     * Adds the vital-sign categories to an Observation of a measure outside this table (the notebook's blood glucose and
     * steps: no JP Core profile): HL7's {@code vital-signs} and JP Core's simple {@code vital-signs} (or
     * {@code body-measurement}).
     */
    public static Observation categorise(Observation observation, boolean bodyMeasurement) {
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, HL7_VITAL_SIGNS,
                "Vital Signs")));
        observation.addCategory(new CodeableConcept(bodyMeasurement
                ? new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, JP_BODY_MEASUREMENT, "Body Measurement")
                : new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, HL7_VITAL_SIGNS, "Vital Signs")));
        return observation;
    }

    /** The blood-pressure panel's code (its components are {@link #SYSTOLIC} and {@link #DIASTOLIC}). */
    public static CodeableConcept bloodPressure() {
        return new CodeableConcept(new Coding(FhirSystems.LOINC, Loinc.BLOOD_PRESSURE,
                Loinc.display(Loinc.BLOOD_PRESSURE))).setText(BLOOD_PRESSURE_TEXT);
    }
}
