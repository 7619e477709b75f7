package org.musubi.ingest.ssmix2.vitals;

import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The vital signs JLAC10 codes by analyte (the code's first characters), as SS-MIX2 vital-sign messages send them, with
 * the LOINC code FHIR's vital-signs profile asks for: systolic blood pressure 9A75x (1回目, 2回目, average, other),
 * diastolic 9A76x, body temperature 9P1x (axilla, mouth, rectum, probes), respiratory rate 9P2x, pulse 9P3x (any
 * site). The code sent is kept whatever its length (one hospital group's own table writes 16 characters for body
 * temperature); only its analyte is read here.
 */
enum VitalSign {
    SYSTOLIC("9A75", Loinc.SYSTOLIC),
    DIASTOLIC("9A76", Loinc.DIASTOLIC),
    BODY_TEMPERATURE("9P1", Loinc.BODY_TEMPERATURE),
    RESPIRATORY_RATE("9P2", "9279-1", "Respiratory rate"),
    HEART_RATE("9P3", Loinc.HEART_RATE);

    private final String analyte;
    private final String loinc;
    private final String display;

    /** A sign whose LOINC code {@link Loinc} declares, with its display there. */
    VitalSign(String analyte, String loinc) {
        this(analyte, loinc, Loinc.display(loinc));
    }

    VitalSign(String analyte, String loinc, String display) {
        this.analyte = analyte;
        this.loinc = loinc;
        this.display = display;
    }

    static Optional<VitalSign> of(String jlac10) {
        for (VitalSign sign : values()) {
            if (jlac10.startsWith(sign.analyte)) {
                return Optional.of(sign);
            }
        }
        return Optional.empty();
    }

    Coding loinc() {
        return new Coding(FhirSystems.LOINC, loinc, display);
    }
}
