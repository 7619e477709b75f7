package org.musubi.publish;

import java.math.BigDecimal;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * A vital sign a care office records: its key (the form's field and the CSV's column) and its measure of the one table
 * of vital signs ({@link VitalSign}: codes, Japanese name, UCUM unit and the range a body can measure; blood pressure's
 * two parts are one panel's components, as the care team's and the health notebook's).
 */
public enum CareMeasure {
    SYSTOLIC("systolic", VitalSign.SYSTOLIC),
    DIASTOLIC("diastolic", VitalSign.DIASTOLIC),
    PULSE("pulse", VitalSign.HEART_RATE),
    TEMPERATURE("temperature", VitalSign.BODY_TEMPERATURE),
    SPO2("spo2", VitalSign.SPO2),
    WEIGHT("weight", VitalSign.BODY_WEIGHT);

    private final String key;
    private final VitalSign sign;

    CareMeasure(String key, VitalSign sign) {
        this.key = key;
        this.sign = sign;
    }

    public String key() {
        return key;
    }

    VitalSign sign() {
        return sign;
    }

    boolean plausible(BigDecimal value) {
        return sign.range().plausible(value);
    }
}
