package org.musubi.publish;

import java.math.BigDecimal;
import org.musubi.record.fhir.Loinc;

/**
 * A vital sign a care office records: its key (the form's field and the CSV's column), LOINC code, UCUM unit and the
 * range a body can measure (blood pressure's two parts are one panel's components, as the care team's).
 */
public enum CareMeasure {
    SYSTOLIC("systolic", Loinc.SYSTOLIC, "mm[Hg]", "mmHg", 50, 300),
    DIASTOLIC("diastolic", Loinc.DIASTOLIC, "mm[Hg]", "mmHg", 20, 200),
    PULSE("pulse", Loinc.HEART_RATE, "/min", "回/分", 20, 250),
    TEMPERATURE("temperature", Loinc.BODY_TEMPERATURE, "Cel", "℃", 30, 45),
    SPO2("spo2", Loinc.OXYGEN_SATURATION, "%", "%", 50, 100),
    WEIGHT("weight", Loinc.BODY_WEIGHT, "kg", "kg", 1, 400);

    private final String key;
    private final String loinc;
    private final String ucum;
    private final String unit;
    private final int min;
    private final int max;

    CareMeasure(String key, String loinc, String ucum, String unit, int min, int max) {
        this.key = key;
        this.loinc = loinc;
        this.ucum = ucum;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    public String key() {
        return key;
    }

    String loinc() {
        return loinc;
    }

    String ucum() {
        return ucum;
    }

    String unit() {
        return unit;
    }

    boolean plausible(BigDecimal value) {
        return value != null && value.compareTo(BigDecimal.valueOf(min)) >= 0
                && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
