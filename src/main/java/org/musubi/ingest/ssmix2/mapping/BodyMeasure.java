package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * The body measurements ADT-00 sends as OBX with JLAC10 codes (analyte 9N001 height, 9N006 weight),
 * with the codes JP Core's JP_Observation_BodyMeasurement and LOINC give them and their UCUM unit (the LOINC code, name
 * and unit those of the one table of vital signs, {@link VitalSign}).
 */
enum BodyMeasure {
    HEIGHT("9N001", VitalSign.BODY_HEIGHT, "31000298", "height"),
    WEIGHT("9N006", VitalSign.BODY_WEIGHT, "31000296", "weight");

    static final String JP_CODE = FhirSystems.JP_BODY_MEASUREMENT_CODE;
    static final String JP_CATEGORY = FhirSystems.JP_BODY_MEASUREMENT_CATEGORY;

    final String analyte;
    final String loinc;
    final String loincDisplay;
    final String jpCode;
    final String jpDisplay;
    final String category;
    final String unit;

    /** A measurement of the one table of vital signs: its LOINC code, Japanese name and UCUM unit are the table's. */
    BodyMeasure(String analyte, VitalSign sign, String jpCode, String category) {
        this.analyte = analyte;
        this.loinc = sign.loinc();
        this.loincDisplay = Loinc.display(loinc);
        this.jpCode = jpCode;
        this.jpDisplay = sign.text();
        this.category = category;
        this.unit = sign.unit().ucum();
    }

    /** The measurement a JLAC10 code (17 characters, analyte first) stands for. */
    static Optional<BodyMeasure> of(String jlac10) {
        for (BodyMeasure measure : values()) {
            if (jlac10.startsWith(measure.analyte)) {
                return Optional.of(measure);
            }
        }
        return Optional.empty();
    }
}
