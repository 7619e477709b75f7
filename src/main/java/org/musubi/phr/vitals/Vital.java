package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.musubi.record.fhir.Loinc;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * One kind of value a resident records in their health notebook: its key (the form field and the CSV's measure
 * code), its LOINC code (with the codes other senders use for the same measure, read but never written), its UCUM
 * unit, how many decimals it takes and the physiologically possible range. Systolic and diastolic pressure are the
 * two components of one blood-pressure Observation (LOINC 85354-9); BMI is computed, never entered.
 *
 * <p>Codes (LOINC): the vital signs and body measurements are the one table's ({@link VitalSign}: body weight 29463-7
 * (kg), body height 8302-2 (cm), BMI 39156-5 (kg/m2), body temperature 8310-5 (Cel), systolic 8480-6 and diastolic
 * 8462-4 (mm[Hg]), heart rate 8867-4 (/min), SpO2 59408-5 with 2708-6 (%)), which care teams and care offices write
 * too; the notebook's own are blood glucose fasting 1556-0 "Fasting glucose [Mass/volume] in Capillary blood" and after
 * a meal 41653-7 "Glucose [Mass/volume] in Capillary blood by Glucometer" (mg/dL, as Japan measures; LOINC has no
 * capillary post-meal code, so the after-meal meaning is carried by the notebook's own coding beside it), steps
 * 41950-7 "Number of steps in 24 hour Measured" (/d: one value per day).
 */
public enum Vital {
    WEIGHT("weight", VitalSign.BODY_WEIGHT, 1, List.of("3141-9")),
    HEIGHT("height", VitalSign.BODY_HEIGHT, 1, List.of()),
    BMI("bmi", VitalSign.BMI, 1, List.of()),
    TEMPERATURE("temperature", VitalSign.BODY_TEMPERATURE, 1, List.of()),
    SYSTOLIC("systolic", VitalSign.SYSTOLIC, 0, List.of()),
    DIASTOLIC("diastolic", VitalSign.DIASTOLIC, 0, List.of()),
    PULSE("pulse", VitalSign.HEART_RATE, 0, List.of()),
    GLUCOSE_FASTING("glucose-fasting", "1556-0", "Fasting glucose [Mass/volume] in Capillary blood", "血糖（空腹時）",
            "mg/dL", 0, "10", "1000", List.of()),
    GLUCOSE_AFTER_MEAL("glucose-after-meal", "41653-7", "Glucose [Mass/volume] in Capillary blood by Glucometer",
            "血糖（食後）", "mg/dL", 0, "10", "1000", List.of()),
    SPO2("spo2", VitalSign.SPO2, 0, List.of()),
    STEPS("steps", "41950-7", "Number of steps in 24 hour Measured", "歩数", "/d", 0, "0", "200000", List.of("55423-8"));

    private final String key;
    private final VitalSign sign;
    private final String loinc;
    private final String loincDisplay;
    private final String text;
    private final String ucum;
    private final int decimals;
    private final BigDecimal min;
    private final BigDecimal max;
    private final List<String> otherLoinc;

    /** A measure of the one table of vital signs: its codes, name, unit and range are the table's. */
    Vital(String key, VitalSign sign, int decimals, List<String> otherLoinc) {
        this.key = key;
        this.sign = sign;
        this.loinc = sign.loinc();
        this.loincDisplay = Loinc.display(loinc);
        this.text = sign.text();
        this.ucum = sign.unit().ucum();
        this.decimals = decimals;
        this.min = sign.range().min();
        this.max = sign.range().max();
        this.otherLoinc = Stream.concat(sign.codes().stream().skip(1), otherLoinc.stream()).toList();
    }

    /** A measure only the notebook records (blood glucose, steps), coded here. */
    Vital(String key, String loinc, String loincDisplay, String text, String ucum, int decimals, String min, String max,
          List<String> otherLoinc) {
        this.key = key;
        this.sign = null;
        this.loinc = loinc;
        this.loincDisplay = loincDisplay;
        this.text = text;
        this.ucum = ucum;
        this.decimals = decimals;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.otherLoinc = otherLoinc;
    }

    /** The measure of the one table of vital signs ({@link VitalSign}) this is; empty for blood glucose and steps. */
    public Optional<VitalSign> sign() {
        return Optional.ofNullable(sign);
    }

    /** The form field and CSV measure code: {@code weight}, {@code glucose-after-meal} … */
    public String key() {
        return key;
    }

    /** How the notebook codes it: its LOINC code and display, its name, its unit, the other codes it is read from. */
    public VitalCoding coding() {
        return new VitalCoding(loinc, loincDisplay, text, ucum, otherLoinc, this != GLUCOSE_AFTER_MEAL);
    }

    /** How a value is entered: its decimals and the physiologically possible range. */
    public VitalScale scale() {
        return new VitalScale(decimals, min, max);
    }

    /** Whether residents enter it (BMI is computed from weight and height). */
    public boolean entered() {
        return this != BMI;
    }

    /** Whether it is one component of the blood-pressure panel. */
    public boolean bloodPressure() {
        return this == SYSTOLIC || this == DIASTOLIC;
    }

    /** Whether one value stands for a whole day (steps), not an instant. */
    public boolean daily() {
        return this == STEPS;
    }

    /** Whether it is a body measurement (JP Core's body-measurement profile) rather than a vital sign proper. */
    public boolean bodyMeasurement() {
        return sign != null && sign.bodyMeasurement();
    }

    public static Optional<Vital> ofKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }

    /** The measures a resident enters, in the order of the form. */
    public static List<Vital> enteredValues() {
        return Arrays.stream(values()).filter(Vital::entered).toList();
    }
}
