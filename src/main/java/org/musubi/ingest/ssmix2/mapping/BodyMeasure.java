package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The body measurements ADT-00 sends as OBX with JLAC10 codes (analyte 9N001 height, 9N006 weight),
 * with the codes JP Core's JP_Observation_BodyMeasurement and LOINC give them and their UCUM unit.
 */
enum BodyMeasure {
    HEIGHT("9N001", Loinc.BODY_HEIGHT, "31000298", "身長", "height", "cm"),
    WEIGHT("9N006", Loinc.BODY_WEIGHT, "31000296", "体重", "weight", "kg");

    static final String JP_CODE = FhirSystems.JP_BODY_MEASUREMENT_CODE;
    static final String JP_CATEGORY = FhirSystems.JP_BODY_MEASUREMENT_CATEGORY;

    final String analyte;
    final String loinc;
    final String loincDisplay;
    final String jpCode;
    final String jpDisplay;
    final String category;
    final String unit;

    BodyMeasure(String analyte, String loinc, String jpCode, String jpDisplay, String category, String unit) {
        this.analyte = analyte;
        this.loinc = loinc;
        this.loincDisplay = Loinc.display(loinc);
        this.jpCode = jpCode;
        this.jpDisplay = jpDisplay;
        this.category = category;
        this.unit = unit;
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
