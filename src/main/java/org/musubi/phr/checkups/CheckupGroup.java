package org.musubi.phr.checkups;

import java.util.Set;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * The groups a checkup result is shown in, in the order of the standard form (特定健診の結果通知): 身体計測, 血圧, 脂質,
 * 肝機能, 血糖, 尿, 腎機能, 血液, 判定, 問診; each labelled {@code phr.checkups.group.<code>}. Told from the 特定健診項目コード
 * (JLAC10's layout: its first characters name the analyte) or, for a result coded only in LOINC, from the LOINC codes
 * of the body measurements and blood pressure.
 */
public enum CheckupGroup {
    BODY("body"), BLOOD_PRESSURE("bloodPressure"), LIPIDS("lipids"), LIVER("liver"), GLUCOSE("glucose"),
    URINE("urine"), KIDNEY("kidney"), BLOOD("blood"), JUDGEMENT("judgement"), OTHER("other"),
    QUESTIONNAIRE("questionnaire");

    private static final Set<String> BODY_ANALYTES = Set.of("9N001", "9N006", "9N011", "9N016");
    private static final Set<String> BODY_LOINC = Set.of(Loinc.BODY_HEIGHT, Loinc.BODY_WEIGHT, Loinc.BMI, Loinc.WAIST);
    private static final Set<String> PRESSURE_LOINC = Set.of(Loinc.SYSTOLIC, Loinc.DIASTOLIC, Loinc.BLOOD_PRESSURE);

    private final String code;

    CheckupGroup(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The group of a result coded {@code code} in {@code system}. */
    public static CheckupGroup of(String system, String code) {
        if (code == null) {
            return OTHER;
        }
        if (FhirSystems.LOINC.equals(system)) {
            return BODY_LOINC.contains(code) ? BODY : PRESSURE_LOINC.contains(code) ? BLOOD_PRESSURE : OTHER;
        }
        if (!FhirSystems.CHECKUP_ITEM.equals(system) && !FhirSystems.JLAC10.equals(system)
                && !FhirSystems.JLAC10_OID.equals(system) || code.length() < 5) {
            return OTHER;
        }
        String analyte = code.substring(0, 5);
        if (BODY_ANALYTES.contains(analyte)) {
            return BODY;
        }
        if (analyte.startsWith("9A75") || analyte.startsWith("9A76")) {
            return BLOOD_PRESSURE;
        }
        if (analyte.startsWith("9N7") || analyte.startsWith("9N8")) {
            return QUESTIONNAIRE;
        }
        if (analyte.startsWith("9N5")) {
            return JUDGEMENT;
        }
        return switch (code.substring(0, 2)) {
            case "3F" -> LIPIDS;
            case "3B" -> LIVER;
            case "3D" -> GLUCOSE;
            case "3C", "8A" -> KIDNEY;
            case "2A" -> BLOOD;
            default -> code.charAt(0) == '1' ? URINE : OTHER;
        };
    }
}
