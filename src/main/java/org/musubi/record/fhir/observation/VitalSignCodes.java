package org.musubi.record.fhir.observation;

import java.util.Arrays;
import java.util.Optional;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * Reading a stored vital sign's code against the one table ({@link VitalSign}): which measure a LOINC code is written
 * for, and the name a person reads for a code stored with LOINC's English display alone.
 */
public final class VitalSignCodes {

    private VitalSignCodes() {
    }

    /** The measure a LOINC code is written for (2708-6 alone is SpO2's second code: see {@link #shownName}). */
    public static Optional<VitalSign> ofLoinc(String code) {
        return Arrays.stream(VitalSign.values()).filter(v -> v.codes().contains(code)).findFirst();
    }

    /**
     * The name a person reads for a code that has no text of its own and whose only display is the English one Musubi
     * itself writes beside a vital sign's LOINC code ({@code coding} holding system, code and display as stored): the
     * measure's Japanese name (a blood-pressure panel 血圧), or 酸素飽和度 for 2708-6 alone, which does not say how the
     * saturation was measured. Empty for anything else — a sender's own text or display is always shown as sent. Care
     * teams' and care offices' vital signs stored before they wrote this table's codes are named so; their stored
     * JSON is never changed (docs/care-network.md).
     */
    public static Optional<String> shownName(String system, String code, String display) {
        if (!FhirSystems.LOINC.equals(system) || code == null || display == null || !display.equals(Loinc.display(code))) {
            return Optional.empty();
        }
        if (Loinc.BLOOD_PRESSURE.equals(code)) {
            return Optional.of(VitalSign.BLOOD_PRESSURE_TEXT);
        }
        if (Loinc.OXYGEN_SATURATION.equals(code)) {
            return Optional.of(VitalSign.OXYGEN_SATURATION_TEXT);
        }
        return ofLoinc(code).map(VitalSign::text);
    }
}
